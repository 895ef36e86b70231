package fr.espacesante.domain.campaign;

import fr.espacesante.domain.person.PostalAddress;
import java.time.LocalDate;

/** What a postal notification says, ready for the printer's layout. */
public record NotificationLetter(String waveId, String personKey, String addressee, PostalAddress address, String code,
                                 LocalDate deadline, LocalDate sentOn) {
}
