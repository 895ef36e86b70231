package fr.espacesante.domain.mail.port.out;

/** Sends e-mail. Messages never carry health content: only that something happened and where to look. */
public interface Mailer {

    /**
     * @return the provider's message id
     * @throws RejectedException the provider refuses this message for good (bad address, rejected content)
     */
    String send(Mail mail);

    /** A permanent refusal: sending again would fail again. Its message is a short reason, no address. */
    class RejectedException extends RuntimeException {
        public RejectedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A French message in plain text and HTML. */
    record Mail(String to, String subject, String text, String html) {
        public static Mail of(String to, String subject, String text, String html) {
            return new Mail(to, subject, text, html);
        }
    }
}
