package fr.espacesante.domain.profile.port.out;

import fr.espacesante.domain.profile.ProfileView;

/** The profile's one-page summary as a PDF (A4, French). */
public interface ProfileSummaries {

    /** @param holder the person's name as the summary's title gives it */
    byte[] render(ProfileView profile, String holder, java.time.LocalDate on);
}
