package fr.espacesante.domain.space;

/** Which e-mail notices the patient wants; none of them ever carries health content. */
public record NotificationPreferences(boolean newDocuments, boolean messages, boolean agendaReminders) {

    public static final NotificationPreferences ALL = new NotificationPreferences(true, true, true);
}
