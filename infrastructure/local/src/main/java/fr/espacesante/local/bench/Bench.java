package fr.espacesante.local.bench;

import java.util.Arrays;

/**
 * Runs one benchmark program, then exits: DynamoDB Local leaves a non-daemon job thread behind
 * after it stops, which would otherwise keep the JVM alive for minutes once the figures are printed.
 * Usage: {@code Bench <import|coldstart|campaign|documents|purge|messaging|reminders> [arguments]}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "import" -> ImportBenchmark.main(rest);
                case "coldstart" -> ColdStartBenchmark.main(rest);
                case "campaign" -> CampaignBenchmark.main(rest);
                case "documents" -> DocumentsBenchmark.main(rest);
                case "purge" -> PurgeBenchmark.main(rest);
                case "messaging" -> MessagingBenchmark.main(rest);
                case "reminders" -> AgendaRemindersBenchmark.main(rest);
                case "profile" -> ProfileBenchmark.main(rest);
                case "fhir" -> FhirBenchmark.main(rest);
                default -> {
                    System.err.println("usage: ./espace bench import|coldstart|campaign|documents|purge|messaging|reminders [arguments]");
                    System.exit(2);
                }
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
