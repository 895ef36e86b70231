package fr.espacesante.domain.campaign;

import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.campaign.port.out.CampaignAudit;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import fr.espacesante.domain.campaign.port.out.Objections;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.BirthName;
import fr.espacesante.domain.space.IdentityNotRecognisedException;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Objection (PRODUCT.md, step 3), without login: with the code of the letter or e-mail, or — also
 * before any notification — by proving identity. Final for the campaign: no space will be created
 * automatically. Every attempt is audited (never the NIR) and limited per client, per code and per
 * person; an unknown NIR and wrong details get the same answer.
 */
public final class Objection {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OneTimeCode codes;
    private final NirProtection nirProtection;
    private final NotificationLedger ledger;
    private final PersonDirectory persons;
    private final Objections objections;
    private final AttemptGuard attempts;
    private final CampaignAudit audit;
    private final Mailer mailer;
    private final CampaignNotices notices;
    private final Clock clock;

    public Objection(OneTimeCode codes, NirProtection nirProtection, NotificationLedger ledger, PersonDirectory persons,
                     Objections objections, AttemptGuard attempts, CampaignAudit audit, Mailer mailer,
                     CampaignNotices notices, Clock clock) {
        this.codes = codes;
        this.nirProtection = nirProtection;
        this.ledger = ledger;
        this.persons = persons;
        this.objections = objections;
        this.attempts = attempts;
        this.audit = audit;
        this.mailer = mailer;
        this.notices = notices;
        this.clock = clock;
    }

    /** @throws IdentityNotRecognisedException unknown, expired or malformed code (one answer for all) */
    public ObjectionReceipt withCode(String typedCode, String clientId) {
        List<String> keys = new ArrayList<>(List.of("opposition-client:" + clientId));
        String codeHash = OneTimeCode.wellFormed(typedCode) ? codes.lookupHash(typedCode) : null;
        if (codeHash != null) {
            keys.add("opposition-code:" + codeHash);
        }
        guard(keys, "code", clientId);
        LocalDate today = today();
        Optional<Notification> notification = Optional.ofNullable(codeHash).flatMap(ledger::findByCodeHash)
                .filter(n -> n.state() == Notification.State.SENT)
                .filter(n -> !today.isAfter(n.deadline()));
        if (notification.isEmpty()) {
            return refuse(keys, "code", clientId);
        }
        Notification n = notification.get();
        return record(n.personKey(), Optional.of(n.waveId()), "code", clientId);
    }

    /** Before (or after) notification, by NIR, birth date and birth name. */
    public ObjectionReceipt withIdentity(IdentityProof proof, String clientId) {
        String personKey = nirProtection.lookupKey(proof.nir());
        List<String> keys = List.of("opposition-client:" + clientId, "opposition-personne:" + personKey);
        guard(keys, "identite", clientId);
        Optional<RegisteredPerson> person = persons.find(personKey)
                .filter(p -> p.identity().birthDate().equals(proof.birthDate()))
                .filter(p -> BirthName.matches(proof.birthName(), p.identity().lastName()));
        if (person.isEmpty()) {
            return refuse(keys, "identite", clientId);
        }
        Optional<String> waveId = person.get().status() == PersonStatus.NOTIFIED
                ? person.get().notifiedBy() : Optional.empty();
        return record(personKey, waveId, "identite", clientId);
    }

    private void guard(List<String> keys, String kind, String clientId) {
        try {
            attempts.ensureAllowed(keys);
        } catch (RuntimeException lockedOut) {
            audit.record(new CampaignAudit.Attempt(clock.instant(), kind, clientId, Optional.empty(), "BLOQUE"));
            throw lockedOut;
        }
    }

    private ObjectionReceipt refuse(List<String> keys, String kind, String clientId) {
        attempts.failed(keys);
        audit.record(new CampaignAudit.Attempt(clock.instant(), kind, clientId, Optional.empty(), "NON_RECONNU"));
        throw new IdentityNotRecognisedException();
    }

    private ObjectionReceipt record(String personKey, Optional<String> waveId, String kind, String clientId) {
        Objections.Result result = objections.object(personKey, waveId, newReference(), kind, clock.instant());
        audit.record(new CampaignAudit.Attempt(clock.instant(), kind, clientId, Optional.of(personKey),
                result.outcome().name()));
        if (result.outcome() == Objections.Outcome.SPACE_EXISTS) {
            throw new SpaceAlreadyCreatedException();
        }
        boolean recorded = result.outcome() == Objections.Outcome.RECORDED;
        Optional<String> email = persons.find(personKey).flatMap(p -> p.contact().email());
        if (recorded && email.isPresent()) {
            mailer.send(notices.objectionConfirmation(email.get(), result.reference()));
        }
        return new ObjectionReceipt(result.reference(), !recorded, recorded && email.isPresent());
    }

    private LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    /** "OPP-" and 10 characters of the code alphabet: quoted on the phone, never guessable in bulk. */
    static String newReference() {
        StringBuilder reference = new StringBuilder("OPP-");
        for (int i = 0; i < 10; i++) {
            reference.append(OneTimeCode.ALPHABET.charAt(RANDOM.nextInt(OneTimeCode.ALPHABET.length())));
        }
        return reference.toString();
    }
}
