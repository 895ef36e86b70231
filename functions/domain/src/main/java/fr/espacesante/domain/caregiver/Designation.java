package fr.espacesante.domain.caregiver;

import java.time.Instant;

/**
 * A caregiver (« aidant ») the patient named: an adult who acts in the patient's space with their own
 * login, under the access policy's {@code aidant} rule.
 *
 * @param reference how the caregiver names this patient in requests ({@code ?aide=}), and the patient this
 *                  caregiver: derived from both keys, it says nothing about either
 */
public record Designation(String patientKey, String caregiverKey, String reference, String caregiverName,
                          String patientName, Instant since) {
}
