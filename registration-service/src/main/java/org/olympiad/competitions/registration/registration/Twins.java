package org.olympiad.competitions.registration.registration;

import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.registration.participant.Participant;
import org.olympiad.competitions.registration.participant.ParticipantDetails;

import java.util.UUID;

/**
 * Where {@link RegistrationService#register} finds the season's participants a new registration would duplicate.
 * A single registration asks the database ({@link #IN_DATABASE}); a group registration looks them up for all its
 * members at once beforehand and adds the participants it creates as it goes, so that it need not flush to see them.
 */
public interface Twins {

    /** A participant of the season who is the same child by an identity ref, not merged away; or null. */
    Uni<Participant> sameIdentity(UUID seasonId, ParticipantDetails details);

    /** A participant of the season who is likely the same child by name, grade and organisation; or null. */
    Uni<Participant> likely(UUID seasonId, ParticipantDetails details);

    /** A participant this registration run has just created (not yet flushed). */
    default void created(Participant participant) {
    }

    Twins IN_DATABASE = new Twins() {
        @Override
        public Uni<Participant> sameIdentity(UUID seasonId, ParticipantDetails details) {
            if (details.identityUserId() == null && details.studentProfileId() == null
                    && details.organizationStudentId() == null) {
                return Uni.createFrom().nullItem();
            }
            UUID none = new UUID(0, 0);
            return Participant.<Participant>find("seasonId = ?1 and duplicateStatus <> ?2 and (identityUserId = ?3 "
                                    + "or studentProfileId = ?4 or organizationStudentId = ?5)",
                            seasonId, Participant.MERGED, orNone(details.identityUserId(), none),
                            orNone(details.studentProfileId(), none), orNone(details.organizationStudentId(), none))
                    .firstResult();
        }

        /** The database narrows by season, grade and normalised name (an index serves it); the entity decides. */
        @Override
        public Uni<Participant> likely(UUID seasonId, ParticipantDetails details) {
            if (details.grade() == null || details.grade().isBlank()) {
                return Uni.createFrom().nullItem(); // a name alone is too weak a sign
            }
            return Participant.<Participant>find("seasonId = ?1 and duplicateStatus <> ?2 and grade = ?3 "
                                    + "and lower(replace(replace(displayName, 'Ё', 'Е'), 'ё', 'е')) = ?4",
                            seasonId, Participant.MERGED, details.grade().strip(), Participant.nameKey(details.displayName()))
                    .list()
                    .map(candidates -> candidates.stream().filter(p -> p.likelySameChildAs(details)).findFirst().orElse(null));
        }

        private static UUID orNone(UUID id, UUID none) {
            return id == null ? none : id;
        }
    };
}
