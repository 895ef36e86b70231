package fr.espacesante.domain.family;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A minor's space attached to one parent's account (PRODUCT.md, "The life of a space" step 7): the
 * parent acts for the child until the child comes of age.
 *
 * @param parentKey the person key of the parent whose login acts for the child
 * @param reference how the parent names this child in requests: derived from both keys, so it says
 *                  nothing about the child to anyone else and stays the same when attaching again
 * @param childKey the child's person key, which is also the child's space key
 * @param otherParentName the name the parent gave for the other parent who agreed; empty under sole authority
 */
public record Guardianship(String parentKey, String reference, String childKey, String childFirstNames,
                           LocalDate childBirthDate, ParentalAgreement agreement, Optional<String> otherParentName,
                           Instant attachedAt) {

    public static final int AGE_OF_MAJORITY = 18;

    /** How the parent recorded that the child's other parent agrees. */
    public enum ParentalAgreement {
        /** The other parent agreed; the parent gave their name. */
        OTHER_PARENT_AGREED,
        /** The parent alone exercises parental authority: no one else to ask. */
        SOLE_PARENTAL_AUTHORITY
    }

    public boolean childOfAge(LocalDate today) {
        return !today.isBefore(childBirthDate.plusYears(AGE_OF_MAJORITY));
    }
}
