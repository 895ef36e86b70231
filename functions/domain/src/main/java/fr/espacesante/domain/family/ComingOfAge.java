package fr.espacesante.domain.family;

import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.family.port.out.Handovers;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The handover at 18 (PRODUCT.md, "The life of a space" step 7): every morning, each minor attached
 * to a parent who turns 18 that day (Paris time) is told — by e-mail when an address is known, else
 * by letter — that the space is now theirs, with a one-time code to activate it. The parent's access
 * already ends at 18 in the access policy; the handover also removes them from the space's legal
 * representatives and records it in the space's history. Its cost grows with the persons turning 18
 * that day (an index by 18th birthday), it catches up on missed days, and it tells each young adult
 * exactly once even when runs crash or overlap, by the notification ledger's pattern: a conditional
 * claim, a lease a crashed run's successor takes over, a code derived from the person (the same
 * whichever run sends it), SENDING marked before the e-mail is handed over, and a letter stored
 * under a key of its own.
 */
public final class ComingOfAge {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PAGE = 100;
    /** The ledger "wave" of handovers: activation with the code finds the entry there. */
    public static final String HANDOVER = "passage-majorite";
    /** How long the activation code of a handover stays valid. */
    public static final int CODE_VALIDITY_DAYS = 90;

    public record Report(LocalDate from, LocalDate through, int emails, int letters, int alreadyHandled) {
    }

    private final Handovers handovers;
    private final Spaces spaces;
    private final PersonDirectory persons;
    private final Mailer mailer;
    private final PostalMail post;
    private final OneTimeCode codes;
    private final HandoverNotices notices;
    private final Clock clock;
    private final Duration lease;

    public ComingOfAge(Handovers handovers, Spaces spaces, PersonDirectory persons, Mailer mailer, PostalMail post,
                       OneTimeCode codes, HandoverNotices notices, Clock clock, Duration lease) {
        this.handovers = handovers;
        this.spaces = spaces;
        this.persons = persons;
        this.mailer = mailer;
        this.post = post;
        this.codes = codes;
        this.notices = notices;
        this.clock = clock;
        this.lease = lease;
    }

    public Report run() {
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        LocalDate from = handovers.handedOverThrough().map(d -> d.plusDays(1)).orElse(today);
        String owner = UUID.randomUUID().toString();
        int emails = 0;
        int letters = 0;
        int handled = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                Optional<String> cursor = Optional.empty();
                do {
                    Handovers.Page page = handovers.due(day, shard, PAGE, cursor);
                    for (Handovers.Due due : page.due()) {
                        switch (handOver(due, owner, today)) {
                            case EMAIL -> emails++;
                            case LETTER -> letters++;
                            case null -> handled++;
                        }
                    }
                    cursor = page.cursor();
                } while (cursor.isPresent());
            }
            // Today stays open: a run later today finishes what a crashed one left.
            if (day.isBefore(today)) {
                handovers.recordHandedOverThrough(day);
            }
        }
        return new Report(from, today, emails, letters, handled);
    }

    /** @return how the young adult was told by this run, or null when another run did (or does) it */
    private Handovers.Channel handOver(Handovers.Due due, String owner, LocalDate today) {
        Optional<Space> space = spaces.find(due.childKey());
        Optional<RegisteredPerson> person = persons.find(due.childKey());
        if (space.isEmpty() || person.isEmpty()) {
            return null;
        }
        Optional<String> email = space.get().email().or(() -> person.get().contact().email());
        String code = codes.codeFor(due.childKey(), HANDOVER);
        Instant now = clock.instant();
        Handovers.Entry fresh = new Handovers.Entry(due.childKey(), codes.lookupHash(code), today.plusDays(CODE_VALIDITY_DAYS),
                email.isPresent() ? Handovers.Channel.EMAIL : Handovers.Channel.LETTER, Handovers.State.CLAIMED, owner,
                now.plus(lease));
        Optional<Handovers.Entry> claimed = handovers.claim(fresh, now);
        if (claimed.isEmpty()) {
            return null;
        }
        Handovers.Entry entry = claimed.get();
        String deliveryId;
        if (entry.channel() == Handovers.Channel.EMAIL && email.isPresent()) {
            if (!handovers.markSending(entry)) {
                return null;
            }
            deliveryId = mailer.send(notices.mail(email.get(), code, entry.codeValidUntil()));
        } else {
            RegisteredPerson p = person.get();
            String reference = "majorite/" + due.childKey();
            post.post(new PostalMail.Letter(reference, p.identity().firstNames() + " " + p.identity().lastName(),
                    p.contact().address(), today, HandoverNotices.TITLE, notices.paragraphs(code, entry.codeValidUntil())));
            deliveryId = reference;
        }
        AccessEntry handover = new AccessEntry(due.childKey(), now, "SYSTEME", "passage-majorite", "Espace Santé", null,
                "LIFECYCLE", "passage-majorite", "WRITE", "titulaire", true, Optional.empty());
        return handovers.markSent(entry, due, deliveryId, handover) ? entry.channel() : null;
    }
}
