package org.olympiad.competitions.registration.registration;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.platform.outbox.DomainChange;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.registration.group.GroupMember;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.participation.SeasonParticipation;
import org.olympiad.competitions.registration.participation.TourParticipation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The new rows and the events of registrations, either written as they come ({@link #immediate}) or held until
 * {@link #write} ({@link #deferred}). Held, the rows are persisted table by table in foreign-key order (participants,
 * registrations, season participations, tour participations, group rows) and then the events, one after another:
 * Hibernate sends consecutive inserts into one table as one JDBC batch (statement-batch-size), so a registration's
 * six events are one round trip instead of six, and a chunk of a group's members is a batch per table instead of a
 * round trip per row. A row is persisted in its final state, so it is inserted once (a registration persisted as a
 * draft and approved in the same transaction used to be inserted, then updated). Rows carry their ids from their
 * factories, so their events can name them before they are stored.
 */
public final class RegistrationWrites {

    /** Foreign-key order: a row comes after the rows it points to. */
    private static final List<Class<?>> ORDER = List.of(Participant.class, Registration.class,
            SeasonParticipation.class, TourParticipation.class, GroupMember.class);

    private final Outbox outbox;
    private final boolean deferred;
    private final List<PanacheEntityBase> rows = new ArrayList<>();
    private final List<DomainChange> changes = new ArrayList<>();

    private RegistrationWrites(Outbox outbox, boolean deferred) {
        this.outbox = outbox;
        this.deferred = deferred;
    }

    /** Writes every row and event at once, as before: for steps on rows that exist already. */
    public static RegistrationWrites immediate(Outbox outbox) {
        return new RegistrationWrites(outbox, false);
    }

    /** Holds the rows and events until {@link #write}, which the caller must call inside its transaction. */
    public static RegistrationWrites deferred(Outbox outbox) {
        return new RegistrationWrites(outbox, true);
    }

    /** A new row. */
    public Uni<Void> insert(PanacheEntityBase row) {
        if (!deferred) {
            return row.persist().replaceWithVoid();
        }
        rows.add(row);
        return Uni.createFrom().voidItem();
    }

    /** An event, in the order of the changes. */
    public Uni<Void> record(DomainChange change) {
        if (!deferred) {
            return outbox.record(change).replaceWithVoid();
        }
        changes.add(change);
        return Uni.createFrom().voidItem();
    }

    /** Persists the held rows table by table, then records the held events in their order; empties the holder. */
    public Uni<Void> write() {
        if (rows.isEmpty() && changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<PanacheEntityBase> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(RegistrationWrites::rank)); // stable: rows of a table keep their order
        List<DomainChange> events = new ArrayList<>(changes);
        rows.clear();
        changes.clear();
        Uni<Void> persisted = ordered.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session.persistAll(ordered.toArray()));
        return persisted.chain(() -> events.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(outbox::record)
                .collect().last().replaceWithVoid());
    }

    private static int rank(PanacheEntityBase row) {
        int i = ORDER.indexOf(row.getClass());
        return i < 0 ? ORDER.size() : i;
    }
}
