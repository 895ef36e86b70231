package fr.espacesante.domain.support;

import fr.espacesante.domain.campaign.Notification;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger over a map, with the adapter's conditions (owner, state), for use-case tests. */
public final class InMemoryLedger implements NotificationLedger {

    public final Map<String, Notification> entries = new ConcurrentHashMap<>();

    private static String id(String personKey, String waveId) {
        return personKey + "|" + waveId;
    }

    public void put(Notification notification) {
        entries.put(id(notification.personKey(), notification.waveId()), notification);
    }

    @Override
    public synchronized Optional<Notification> claim(Notification fresh) {
        return entries.putIfAbsent(id(fresh.personKey(), fresh.waveId()), fresh) == null ? Optional.of(fresh) : Optional.empty();
    }

    @Override
    public List<Notification> abandoned(String waveId, Instant now, int limit) {
        return entries.values().stream().filter(n -> n.waveId().equals(waveId) && n.state() != Notification.State.SENT
                && n.leaseUntil().isBefore(now)).limit(limit).toList();
    }

    @Override
    public boolean hasUnfinished(String waveId) {
        return entries.values().stream().anyMatch(n -> n.waveId().equals(waveId) && n.state() != Notification.State.SENT);
    }

    @Override
    public synchronized boolean takeOver(Notification abandoned, String owner, Instant leaseUntil) {
        return entries.replace(id(abandoned.personKey(), abandoned.waveId()), abandoned, abandoned.withOwner(owner, leaseUntil));
    }

    @Override
    public synchronized boolean markSending(Notification n) {
        Notification current = entries.get(id(n.personKey(), n.waveId()));
        if (current == null || !current.owner().equals(n.owner()) || current.state() != Notification.State.CLAIMED) {
            return false;
        }
        put(withState(current, Notification.State.SENDING, current.deliveryId()));
        return true;
    }

    @Override
    public synchronized boolean markSent(Notification n, String deliveryId, Instant at) {
        Notification current = entries.get(id(n.personKey(), n.waveId()));
        if (current == null || !current.owner().equals(n.owner()) || current.state() == Notification.State.SENT) {
            return false;
        }
        put(withState(current, Notification.State.SENT, Optional.of(deliveryId)));
        return true;
    }

    @Override
    public synchronized void switchToLetter(Notification n, String reason, String batchId, LocalDate deadline,
                                            Instant leaseUntil) {
        Notification letter = entries.get(id(n.personKey(), n.waveId())).asLetter(reason, batchId, deadline);
        put(letter.withOwner(letter.owner(), leaseUntil));
    }

    @Override
    public List<Notification> batch(String waveId, String batchId) {
        return entries.values().stream().filter(n -> n.waveId().equals(waveId) && batchId.equals(n.batchId())
                && n.channel() == Notification.Channel.LETTER).toList();
    }

    @Override
    public void manifestWritten(List<Notification> letters) {
        // Entries are SENT already; the map has no separate "unfinished" marker.
    }

    @Override
    public Optional<Notification> findByCodeHash(String codeHash) {
        return entries.values().stream().filter(n -> n.codeHash().equals(codeHash)).findFirst();
    }

    @Override
    public Optional<Notification> findByDeliveryId(String deliveryId) {
        return entries.values().stream().filter(n -> n.deliveryId().equals(Optional.of(deliveryId))).findFirst();
    }

    @Override
    public Optional<Notification> find(String personKey, String waveId) {
        return Optional.ofNullable(entries.get(id(personKey, waveId)));
    }

    private static Notification withState(Notification n, Notification.State state, Optional<String> deliveryId) {
        return new Notification(n.personKey(), n.waveId(), n.codeHash(), n.deadline(), n.channel(), state, n.owner(),
                n.leaseUntil(), n.batchId(), deliveryId, n.failure());
    }
}
