package fr.espacesante.domain.campaign;

import fr.espacesante.domain.error.DomainException;

import fr.espacesante.domain.campaign.port.out.NotificationQueue;
import fr.espacesante.domain.campaign.port.out.Waves;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The operator's side of waves: plan one, follow its progress, pause, resume or cancel it. */
public final class WavePlanning {

    /** Why a status change was refused. */
    public static class WaveStateException extends DomainException {
        public WaveStateException(String message) {
            super(Kind.CONFLICT, "ETAT_VAGUE", message);
        }
    }

    /** No wave with that id. */
    public static class UnknownWaveException extends DomainException {
        public UnknownWaveException() {
            super(Kind.NOT_FOUND, "VAGUE_INCONNUE", "Aucune vague ne porte cet identifiant.");
        }
    }

    private final Waves waves;
    private final NotificationQueue queue;
    private final Clock clock;

    public WavePlanning(Waves waves, NotificationQueue queue, Clock clock) {
        this.waves = waves;
        this.queue = queue;
        this.clock = clock;
    }

    /** Plans a wave; "targeted" counts the persons awaiting notification in its départements now. */
    public Wave plan(WavePlan request, String operator) {
        LocalDate today = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        WavePlan plan = request.validated(today);
        String waveId = "vague-" + plan.startDate() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Wave wave = new Wave(waveId, plan.departments(), plan.allNotYetNotified(), plan.startDate(), plan.endDate(),
                plan.perDay(), plan.perMinute(), WaveStatus.ACTIVE, clock.instant(), operator,
                new WaveProgress(queue.countAwaiting(plan.departments()), 0, 0, 0, 0, 0), plan.startDate().minusDays(1), 0);
        waves.create(wave);
        return wave;
    }

    public List<Wave> all() {
        return waves.all();
    }

    public Wave get(String waveId) {
        return waves.find(waveId).orElseThrow(UnknownWaveException::new);
    }

    public Wave pause(String waveId) {
        return move(waveId, Set.of(WaveStatus.ACTIVE), WaveStatus.PAUSED, "Seule une vague active peut être suspendue.");
    }

    public Wave resume(String waveId) {
        return move(waveId, Set.of(WaveStatus.PAUSED), WaveStatus.ACTIVE, "Seule une vague suspendue peut reprendre.");
    }

    /** Cancelling stops sending; notifications already sent stay valid (their codes and deadlines hold). */
    public Wave cancel(String waveId) {
        return move(waveId, Set.of(WaveStatus.ACTIVE, WaveStatus.PAUSED), WaveStatus.CANCELLED,
                "Une vague terminée ou déjà annulée ne peut pas être annulée.");
    }

    private Wave move(String waveId, Set<WaveStatus> from, WaveStatus to, String refusal) {
        get(waveId);
        if (!waves.changeStatus(waveId, from, to)) {
            throw new WaveStateException(refusal);
        }
        return get(waveId);
    }
}
