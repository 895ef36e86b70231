package fr.espacesante.domain.campaign;

import fr.espacesante.domain.campaign.port.out.LetterOffice;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import fr.espacesante.domain.campaign.port.out.NotificationQueue;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.campaign.port.out.Waves;
import fr.espacesante.domain.space.RegisteredPerson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The scheduled sender (PRODUCT.md, step 2): every minute, on working days, each active wave sends
 * up to its per-minute rate (within its daily rate), départements in ascending order.
 *
 * <p>Exactly once per person and wave, whatever happens to the run:
 * <ol>
 *   <li>a person is <b>claimed</b> by a conditional write that creates their ledger entry and takes
 *       them out of the queue at once — two runs cannot both claim them;</li>
 *   <li>the entry is <b>owned</b> through a lease; a run that crashed or timed out leaves its
 *       entries to be taken over once the lease expires, by one run only;</li>
 *   <li>the code is <b>derived</b> from person and wave and the deadline is fixed at claim time, so
 *       whichever run sends, it sends the same code and deadline;</li>
 *   <li>a letter is stored under a key made of wave and person: a second store replaces it with the
 *       same bytes; a batch's manifest is written once all its letters are stored;</li>
 *   <li>an e-mail is marked SENDING before SES is called and SENT after; the only window where a
 *       crash can lead to a second, identical e-mail is between SES accepting it and SENT being
 *       written (README, "Exactly once").</li>
 * </ol>
 */
public final class WaveSender {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;

    /** What one run did. */
    public record RunReport(int claimed, int takenOver, int emails, int letters, int switchedToLetter,
                            int manifests, List<String> completedWaves) {
    }

    private final Waves waves;
    private final NotificationQueue queue;
    private final NotificationLedger ledger;
    private final PersonDirectory persons;
    private final Mailer mailer;
    private final LetterOffice letters;
    private final OneTimeCode codes;
    private final CampaignNotices notices;
    private final Clock clock;
    private final Duration lease;
    private final int objectionDays;
    private final int workers;

    public WaveSender(Waves waves, NotificationQueue queue, NotificationLedger ledger, PersonDirectory persons,
                      Mailer mailer, LetterOffice letters, OneTimeCode codes, CampaignNotices notices,
                      Clock clock, Duration lease, int objectionDays, int workers) {
        this.waves = waves;
        this.queue = queue;
        this.ledger = ledger;
        this.persons = persons;
        this.mailer = mailer;
        this.letters = letters;
        this.codes = codes;
        this.notices = notices;
        this.clock = clock;
        this.lease = lease;
        this.objectionDays = objectionDays;
        this.workers = workers;
    }

    public RunReport run(String runId) {
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        Counts counts = new Counts();
        if (!WorkingDays.isWorkingDay(today)) {
            return counts.report();
        }
        // A cancelled or completed wave claims nobody new but finishes what it still owes (claims of a
        // cancelled wave, letters replacing bounced e-mails): nobody is left half-notified.
        List<Wave> sending = waves.all().stream()
                .filter(w -> w.sendsOn(today) || (w.status() == WaveStatus.CANCELLED || w.status() == WaveStatus.COMPLETED)
                        && ledger.hasUnfinished(w.waveId()))
                .sorted(Comparator.comparing(Wave::startDate).thenComparing(Wave::waveId)).toList();
        for (Wave wave : sending) {
            long budget = Math.min(wave.perMinute(), wave.remainingToday(today));
            if (budget > 0) {
                runWave(wave, runId, (int) budget, today, wave.status() == WaveStatus.ACTIVE, counts);
            }
        }
        return counts.report();
    }

    private void runWave(Wave wave, String runId, int budget, LocalDate today, boolean claimNew, Counts counts) {
        Instant leaseUntil = clock.instant().plus(lease);
        List<Notification> mine = new ArrayList<>();
        for (Notification abandoned : ledger.abandoned(wave.waveId(), clock.instant(), budget)) {
            if (ledger.takeOver(abandoned, runId, leaseUntil)) {
                mine.add(abandoned.withOwner(runId, leaseUntil));
                counts.takenOver.incrementAndGet();
            }
        }
        boolean queueEmpty = !claimNew || claimFresh(wave, runId, leaseUntil, budget, today, mine, counts);
        Set<String> batches = new LinkedHashSet<>();
        // A letter stored by a run that died before writing its batch's manifest only needs the manifest.
        mine.stream().filter(n -> n.state() == Notification.State.SENT).forEach(n -> batches.add(n.batchId()));
        List<Notification> toDeliver = mine.stream().filter(n -> n.state() != Notification.State.SENT).toList();
        inParallel(toDeliver, n -> deliver(n, runId, today, counts)).forEach(letter -> letter.ifPresent(l -> batches.add(l.batchId())));
        int sent = toDeliver.size();
        for (String batchId : batches) {
            writeManifestIfComplete(wave.waveId(), batchId, counts);
        }
        if (sent > 0) {
            waves.countSent(wave.waveId(), today, sent);
        }
        if (claimNew && queueEmpty && mine.isEmpty() && !ledger.hasUnfinished(wave.waveId())
                && waves.changeStatus(wave.waveId(), Set.of(WaveStatus.ACTIVE), WaveStatus.COMPLETED)) {
            counts.completed.add(wave.waveId());
        }
    }

    /** @return true when every targeted département's queue was found empty */
    private boolean claimFresh(Wave wave, String runId, Instant leaseUntil, int budget, LocalDate today,
                               List<Notification> mine, Counts counts) {
        boolean empty = true;
        for (String department : wave.departments()) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                while (mine.size() < budget) {
                    List<NotificationQueue.Queued> page = queue.awaiting(department, shard,
                            Math.min(PAGE, budget - mine.size()));
                    if (page.isEmpty()) {
                        break;
                    }
                    empty = false;
                    List<Optional<Notification>> claims = inParallel(page, person -> {
                        Notification fresh = new Notification(person.personKey(), wave.waveId(),
                                codes.lookupHash(codes.codeFor(person.personKey(), wave.waveId())),
                                today.plusDays(objectionDays),
                                person.hasEmail() ? Notification.Channel.EMAIL : Notification.Channel.LETTER,
                                Notification.State.CLAIMED, runId, leaseUntil, runId, Optional.empty(), Optional.empty());
                        return ledger.claim(fresh);
                    });
                    int claimedNow = 0;
                    for (Optional<Notification> claimed : claims) {
                        if (claimed.isPresent()) {
                            mine.add(claimed.get());
                            counts.claimed.incrementAndGet();
                            claimedNow++;
                        }
                    }
                    if (claimedNow == 0) {
                        // Another run claimed this page, or the index still shows claimed persons: next shard.
                        break;
                    }
                }
                if (mine.size() >= budget) {
                    return false;
                }
            }
        }
        return empty;
    }

    /** @return the entry when it went out as a letter (its batch needs a manifest) */
    private Optional<Notification> deliver(Notification notification, String runId, LocalDate today, Counts counts) {
        RegisteredPerson person = persons.find(notification.personKey())
                .orElseThrow(() -> new IllegalStateException("ledger entry without a person"));
        String code = codes.codeFor(notification.personKey(), notification.waveId());
        Notification current = notification;
        if (current.channel() == Notification.Channel.EMAIL && person.contact().email().isPresent()) {
            if (current.state() == Notification.State.CLAIMED) {
                if (!ledger.markSending(current)) {
                    return Optional.empty();
                }
            }
            try {
                String messageId = mailer.send(notices.notificationEmail(person.contact().email().get(), code,
                        current.deadline()));
                if (ledger.markSent(current, messageId, clock.instant())) {
                    counts.emails.incrementAndGet();
                }
                return Optional.empty();
            } catch (Mailer.RejectedException rejected) {
                LocalDate deadline = today.plusDays(objectionDays);
                ledger.switchToLetter(current, rejected.getMessage(), runId, deadline, current.leaseUntil());
                current = current.asLetter(rejected.getMessage(), runId, deadline);
                counts.switchedToLetter.incrementAndGet();
            }
        } else if (current.channel() == Notification.Channel.EMAIL) {
            // The address disappeared since the claim (a later import): a letter instead.
            LocalDate deadline = today.plusDays(objectionDays);
            ledger.switchToLetter(current, "adresse e-mail retirée", runId, deadline, current.leaseUntil());
            current = current.asLetter("adresse e-mail retirée", runId, deadline);
        }
        String key = letters.store(new NotificationLetter(current.waveId(), current.personKey(),
                person.identity().firstNames() + " " + person.identity().lastName(), person.contact().address(), code,
                current.deadline(), today));
        if (ledger.markSent(current, key, clock.instant())) {
            counts.letters.incrementAndGet();
        }
        return Optional.of(current);
    }

    /** A batch's manifest is written once all its letters are stored, so the printer never sees it change. */
    private void writeManifestIfComplete(String waveId, String batchId, Counts counts) {
        List<Notification> batch = ledger.batch(waveId, batchId);
        if (batch.isEmpty() || batch.stream().anyMatch(n -> n.state() != Notification.State.SENT)) {
            return;
        }
        List<LetterOffice.ManifestLine> lines = new ArrayList<>();
        for (Notification letter : batch) {
            var address = persons.find(letter.personKey()).orElseThrow().contact().address();
            lines.add(new LetterOffice.ManifestLine(letter.deliveryId().orElseThrow(), address.postcode(), address.town()));
        }
        letters.writeManifest(waveId, batchId, lines);
        ledger.manifestWritten(batch);
        counts.manifests.incrementAndGet();
    }

    /**
     * Runs the work on up to {@code workers} threads (claims and deliveries wait on the network). At
     * the first failure — a crash — nothing more starts, and the run only ends once every thread has
     * stopped: a failed run leaves nothing running behind it when its lease starts counting down.
     */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (workers <= 1 || items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, items.size()));
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    // Nothing queued starts any more; threads at work finish their current person (not
                    // interrupted mid-request, which would only add half-sent requests to the picture).
                    futures.forEach(f -> f.cancel(false));
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdown();
            awaitStop(pool);
        }
    }

    private static void awaitStop(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("sender threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Counts {
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger takenOver = new AtomicInteger();
        final AtomicInteger emails = new AtomicInteger();
        final AtomicInteger letters = new AtomicInteger();
        final AtomicInteger switchedToLetter = new AtomicInteger();
        final AtomicInteger manifests = new AtomicInteger();
        final List<String> completed = new ArrayList<>();

        RunReport report() {
            return new RunReport(claimed.get(), takenOver.get(), emails.get(), letters.get(), switchedToLetter.get(),
                    manifests.get(), List.copyOf(completed));
        }
    }
}
