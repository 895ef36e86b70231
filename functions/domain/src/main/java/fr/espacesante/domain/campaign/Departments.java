package fr.espacesante.domain.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The départements of residence, in the ascending order waves follow (2022: "one working day at a
 * time by ascending département"): Corsica's 2A and 2B take the place of the former 20.
 */
public final class Departments {

    /** Ascending, with 2A and 2B sorted as 20.1 and 20.2. */
    public static final Comparator<String> ORDER = Comparator.comparingDouble(Departments::rank);

    public static final List<String> ALL = Stream.concat(
                    IntStream.rangeClosed(1, 95).filter(d -> d != 20).mapToObj(d -> String.format("%02d", d)),
                    Stream.of("2A", "2B", "971", "972", "973", "974", "976"))
            .sorted(Departments.ORDER)
            .toList();

    /** How many index partitions each département's persons are spread over (write spreading). */
    public static final int SHARDS = 8;

    private Departments() {
    }

    private static double rank(String department) {
        return switch (department) {
            case "2A" -> 20.1;
            case "2B" -> 20.2;
            default -> Double.parseDouble(department);
        };
    }

    public static boolean exists(String department) {
        return ALL.contains(department);
    }

    /** The index shard of a person: stable, spread evenly by the (already random) person key. */
    public static int shardOf(String personKey) {
        return Math.floorMod(personKey.hashCode(), SHARDS);
    }
}
