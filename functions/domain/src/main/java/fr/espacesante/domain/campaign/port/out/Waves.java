package fr.espacesante.domain.campaign.port.out;

import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WaveStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The waves and their live progress. */
public interface Waves {

    void create(Wave wave);

    Optional<Wave> find(String waveId);

    /** Every wave, newest first (a campaign has tens of waves, not millions). */
    List<Wave> all();

    /** Moves the status only from one of {@code from}. @return false when the wave was in another status */
    boolean changeStatus(String waveId, Set<WaveStatus> from, WaveStatus to);

    /** Adds to the count of the day (resetting it when the day changed). */
    void countSent(String waveId, LocalDate day, long sent);
}
