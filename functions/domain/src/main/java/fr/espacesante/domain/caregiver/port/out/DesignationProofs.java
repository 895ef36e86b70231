package fr.espacesante.domain.caregiver.port.out;

import fr.espacesante.domain.caregiver.Designation;

/** Renders the proof of designation, as a PDF, filed in the patient's documents. */
public interface DesignationProofs {

    byte[] render(Designation designation);
}
