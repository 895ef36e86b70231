package fr.espacesante.aws;

/** Waiting before retrying what an AWS batch call left unprocessed. */
public final class Retries {

    private Retries() {
    }

    /** Exponential backoff with jitter, capped at a second: 40 ms, 80 ms, 160 ms… for attempts 1, 2, 3… */
    public static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 20L << attempt) + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
