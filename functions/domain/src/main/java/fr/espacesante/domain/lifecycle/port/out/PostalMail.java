package fr.espacesante.domain.lifecycle.port.out;

import fr.espacesante.domain.person.PostalAddress;
import java.time.LocalDate;
import java.util.List;

/** Letters to persons without an e-mail address, rendered as PDF for the print provider. */
public interface PostalMail {

    /**
     * @param reference names the letter for the print provider; posting the same reference again replaces
     *                  the letter (a retried run never makes a second one)
     */
    record Letter(String reference, String addressee, PostalAddress address, LocalDate date, String title,
                  List<String> paragraphs) {
    }

    void post(Letter letter);
}
