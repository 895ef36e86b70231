package fr.espacesante.domain.document;

/** A document's life: awaiting its bytes, checked and visible, refused, deleted by the patient, or replaced. */
public enum DocumentStatus { PENDING, AVAILABLE, REJECTED, DELETED, REPLACED }
