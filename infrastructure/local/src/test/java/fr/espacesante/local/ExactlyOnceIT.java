package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WavePlan;
import fr.espacesante.domain.campaign.WavePlanning;
import fr.espacesante.domain.campaign.WaveSender;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.CrashPoints;
import fr.espacesante.local.support.RandomCrashes;
import fr.espacesante.local.support.CrashingRuns;
import fr.espacesante.local.support.CrashPoints.Step;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.MutableClock;
import fr.espacesante.local.support.Registry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exactly once per wave per person, under faults: the real sender and adapters against DynamoDB
 * Local, S3Proxy and the SES emulator, 10,000 persons, two senders running at the same time every
 * "minute", crashes injected at random between every two steps (a crash kills the whole run, as a
 * killed or timed-out Lambda; its claims are taken over once their lease expired), then replays.
 * Counts the e-mails SES captured and the letters stored and listed in manifests.
 */
class ExactlyOnceIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final NirProtection protection = new NirProtection(STACK.parameter("NirHashKey"), STACK.parameter("NirSealKey"));
    private final OneTimeCode codes = new OneTimeCode(STACK.parameter("CodeKey"));
    private final String letters = STACK.physicalName("LettersBucket");


    @Test
    void ten_thousand_persons_crashes_at_every_step_two_concurrent_senders_and_replays() throws Exception {
        Http.post(STACK.sesUrl() + "/clear-store", "");
        int base = 200_000;
        String suffix = ".ex" + base + "@exactement-une-fois.example";
        List<String> nirs = importPersons(base, 10_000, suffix, List.of("05", "09"));
        MutableClock clock = workingMorning();
        AwsAdapters adapters = adapters(clock);
        Wave wave = new WavePlanning(adapters.waves(), adapters.notificationQueue(), clock).plan(new WavePlan(
                List.of("05", "09"), false, today(clock), Optional.empty(), 1_000_000, 500), "test");
        // Every step but the residual window (measured apart below).
        RandomCrashes crashes = new RandomCrashes(EnumSet.complementOf(EnumSet.of(Step.AFTER_EMAIL_ACCEPTED)), 0.004, 42);
        WaveSender sender = sender(adapters, crashes, clock);

        long started = System.nanoTime();
        int rounds = runUntilComplete(sender, adapters, wave, clock, 2);
        double seconds = (System.nanoTime() - started) / 1e9;
        int replays = 3;
        for (int i = 0; i < replays; i++) {
            sender.run("replay-" + i);
            clock.advance(Duration.ofMinutes(1));
        }

        // Count what went out
        Map<String, List<String>> emailed = Campaigns.emailedCodes(STACK, suffix);
        Map<String, String> manifestLines = manifestLines(wave.waveId());
        List<String> letterKeys = STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("lettres/" + wave.waveId() + "/"))
                .contents().stream().map(o -> o.key()).toList();
        int duplicates = 0;
        int missed = 0;
        int wrongCodes = 0;
        for (int i = 0; i < nirs.size(); i++) {
            String personKey = protection.lookupKey(Nir.parse(nirs.get(i)));
            String expectedCode = codes.codeFor(personKey, wave.waveId());
            List<String> mails = emailed.getOrDefault(address(i, suffix), List.of());
            String letterKey = "lettres/" + wave.waveId() + "/" + personKey + ".pdf";
            int notices = mails.size() + (manifestLines.containsKey(letterKey) ? 1 : 0);
            duplicates += Math.max(0, notices - 1);
            missed += notices == 0 ? 1 : 0;
            wrongCodes += (int) mails.stream().filter(c -> !c.equals(expectedCode)).count();
        }
        long manifestEntries = manifestLines.size();
        System.out.printf("exactly-once: %d persons, %d rounds of 2 concurrent senders + %d replays, %.1f s;"
                        + " crashes injected %d %s; e-mails %d, letters %d (in manifests %d);"
                        + " duplicates %d, missed %d, wrong codes %d%n",
                nirs.size(), rounds, replays, seconds, crashes.total(), crashes.crashes,
                emailed.values().stream().mapToInt(List::size).sum(), letterKeys.size(), manifestEntries,
                duplicates, missed, wrongCodes);
        assertThat(crashes.total()).as("faults were injected at every step").isGreaterThan(50);
        assertThat(crashes.crashes.entrySet()).filteredOn(e -> e.getKey() != Step.AFTER_EMAIL_ACCEPTED)
                .allSatisfy(e -> assertThat(e.getValue().get()).as(e.getKey().name()).isPositive());
        assertThat(duplicates).isZero();
        assertThat(missed).isZero();
        assertThat(wrongCodes).isZero();
        assertThat(letterKeys).hasSize((int) manifestEntries);
        Wave done = adapters.waves().find(wave.waveId()).orElseThrow();
        assertThat(done.progress().sentByEmail() + done.progress().sentByLetter()).isEqualTo(nirs.size());
    }

    @Test
    void the_residual_window_can_only_repeat_the_same_email() throws Exception {
        int base = 215_000;
        String suffix = ".rw" + base + "@fenetre-residuelle.example";
        List<String> nirs = importPersons(base, 400, suffix, List.of("12"));
        MutableClock clock = workingMorning();
        AwsAdapters adapters = adapters(clock);
        Wave wave = new WavePlanning(adapters.waves(), adapters.notificationQueue(), clock).plan(new WavePlan(
                List.of("12"), false, today(clock), Optional.empty(), 1_000_000, 100), "test");
        RandomCrashes crashes = new RandomCrashes(EnumSet.of(Step.AFTER_EMAIL_ACCEPTED), 0.05, 7);

        runUntilComplete(sender(adapters, crashes, clock), adapters, wave, clock, 1);

        Map<String, List<String>> emailed = Campaigns.emailedCodes(STACK, suffix);
        int extra = emailed.values().stream().mapToInt(l -> l.size() - 1).sum();
        long identical = emailed.values().stream().filter(l -> l.size() > 1 && l.stream().distinct().count() == 1).count();
        int emailPersons = (int) java.util.stream.IntStream.range(0, nirs.size()).filter(i -> i % 4 != 0).count();
        System.out.printf("residual window (crash after SES accepted, before SENT is written): %d crashes → %d repeated"
                        + " e-mails, %d of them identical (same code, same deadline); %d of %d persons reached%n",
                crashes.total(), extra, identical, emailed.size(), emailPersons);
        assertThat(crashes.total()).isPositive();
        assertThat(extra).isEqualTo(crashes.total());
        assertThat(emailed).hasSize(emailPersons)
                .allSatisfy((to, mails) -> assertThat(mails.stream().distinct()).hasSize(1));
    }

    private int runUntilComplete(WaveSender sender, AwsAdapters adapters, Wave wave, MutableClock clock, int concurrent)
            throws Exception {
        return CrashingRuns.untilDone(concurrent, 400, () -> adapters.waves().find(wave.waveId()).orElseThrow().status()
                == fr.espacesante.domain.campaign.WaveStatus.COMPLETED, sender::run, () -> clock.advance(LEASE.plusSeconds(1)));
    }

    private List<String> importPersons(int base, int count, String suffix, List<String> departments) {
        List<String> nirs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nir = Registry.nir(base + i);
            nirs.add(nir);
            lines.add(Registry.line(nir, "Nom" + i, "Prénom", i % 4 == 0 ? null : address(i, suffix),
                    departments.get(i % departments.size())));
        }
        Registry.importLines(STACK, "registre/exactement-une-fois-" + base + ".csv", lines);
        return nirs;
    }

    private static String address(int i, String suffix) {
        return "p" + i + suffix;
    }

    /** 10:00 in Paris on the next working day after the stack's current date. */
    private static MutableClock workingMorning() {
        LocalDate day = Instant.now().plus(STACK.clockOffset()).atZone(PARIS).toLocalDate().plusDays(1);
        while (!fr.espacesante.domain.campaign.WorkingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return new MutableClock(day.atTime(10, 0).atZone(PARIS).toInstant());
    }

    private static LocalDate today(MutableClock clock) {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    /** The sender function's adapters, from its template environment, with the test's clock. */
    private static AwsAdapters adapters(MutableClock clock) {
        Map<String, String> env = STACK.functionEnvironment("WaveSenderFunction");
        return new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
    }

    private static WaveSender sender(AwsAdapters adapters, CrashPoints crashes, MutableClock clock) {
        return new WaveSender(adapters.waves(), adapters.notificationQueue(), crashes.ledger(adapters.ledger()),
                adapters.persons(), crashes.mailer(adapters.mailer()), crashes.letters(adapters.letterOffice()), adapters.codes(),
                adapters.campaignNotices(), clock,
                LEASE, adapters.objectionDays(), Integer.parseInt(adapters.env("SEND_WORKERS")));
    }

    /** Letter key → manifest it is listed in; a letter listed twice would be printed twice. */
    private Map<String, String> manifestLines(String waveId) {
        Map<String, String> listed = new HashMap<>();
        STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("manifestes/" + waveId + "/")).contents()
                .forEach(manifest -> {
                    String csv = STACK.s3().getObjectAsBytes(b -> b.bucket(letters).key(manifest.key())).asUtf8String();
                    csv.lines().skip(1).forEach(line -> {
                        String key = line.split(";")[0];
                        String previous = listed.put(key, manifest.key());
                        assertThat(previous).as("letter " + key + " in two manifests").isNull();
                    });
                });
        return listed;
    }
}
