package fr.espacesante.domain.campaign;

/** Thrown by a test's crash points to stop a run dead, as a killed Lambda would. */
public class SimulatedCrash extends RuntimeException {
    public SimulatedCrash(String step) {
        super("simulated crash at " + step, null, false, false);
    }
}
