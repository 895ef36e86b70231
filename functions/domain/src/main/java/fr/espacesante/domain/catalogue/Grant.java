package fr.espacesante.domain.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a patient allowed a service: for which purposes, which data it reads and writes (as the
 * catalogue asked when they accepted: {@code acceptedVersion}), and the pseudonymous identifier the
 * service knows the patient by — never the NIR or the INS. A revoked grant is kept (its pseudonym then
 * resolves to a refusal that is recorded); connecting again gives a new pseudonym.
 *
 * @param grantedBy who connected it, as the history names them
 */
public record Grant(String spaceKey, String serviceId, String pseudonym, Set<Purpose> purposes, Set<DataScope> read,
                    Set<DataScope> write, long acceptedVersion, Instant grantedAt, String grantedBy, Optional<Instant> revokedAt) {

    public Grant {
        purposes = Set.copyOf(purposes);
        read = Set.copyOf(read);
        write = Set.copyOf(write);
    }

    /** How a grant stands against the catalogue entry as it is now. */
    public enum Standing {
        /** What the service asks is within what was accepted. */
        CURRENT,
        /** The service asks for more: it keeps the old grant until the deadline, the patient may re-approve. */
        REAPPROVAL_NEEDED,
        /** Asked for more, not re-approved in time: it gets nothing. */
        LAPSED,
        /** Suspended or dereferenced: it gets nothing. */
        UNAVAILABLE,
        /** The patient revoked it: it gets nothing, and its pseudonym is never given again. */
        REVOKED
    }

    /** What the service may do now, and why. */
    public record Effective(Standing standing, Set<DataScope> read, Set<DataScope> write, Instant reapproveBy) {
    }

    public Effective effective(ReferencedService service, Instant now, Duration reapprovalDelay) {
        Set<DataScope> askedRead = new HashSet<>();
        Set<DataScope> askedWrite = new HashSet<>();
        for (Purpose purpose : purposes) {
            ReferencedService.Access access = service.purposes().get(purpose);
            if (access != null) {
                askedRead.addAll(access.read());
                askedWrite.addAll(access.write());
            }
        }
        Instant deadline = service.changedAt().plus(reapprovalDelay);
        Set<DataScope> keptRead = askedRead.stream().filter(read::contains).collect(Collectors.toSet());
        Set<DataScope> keptWrite = askedWrite.stream().filter(write::contains).collect(Collectors.toSet());
        if (revokedAt.isPresent()) {
            return new Effective(Standing.REVOKED, Set.of(), Set.of(), deadline);
        }
        if (service.state() != ReferencedService.State.ONLINE) {
            return new Effective(Standing.UNAVAILABLE, Set.of(), Set.of(), deadline);
        }
        boolean asksMore = !read.containsAll(askedRead) || !write.containsAll(askedWrite);
        if (!asksMore) {
            return new Effective(Standing.CURRENT, keptRead, keptWrite, deadline);
        }
        return now.isBefore(deadline) ? new Effective(Standing.REAPPROVAL_NEEDED, keptRead, keptWrite, deadline)
                : new Effective(Standing.LAPSED, Set.of(), Set.of(), deadline);
    }

    /** The purposes as the history shows them (« Prévention, Soin… »). */
    public String purposesLabel() {
        return purposes.stream().sorted().map(Purpose::label).collect(Collectors.joining(", "));
    }
}
