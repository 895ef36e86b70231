package fr.espacesante.domain.campaign;

/** What the person is told: their objection is recorded, under this reference. */
public record ObjectionReceipt(String reference, boolean alreadyRecorded, boolean confirmationEmailed) {
}
