package org.olympiad.competitions.documents.document;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.problem.Problem;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.problem.ProblemType;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;
import org.olympiad.competitions.platform.sql.NativeSql;

import java.util.UUID;

/**
 * Who may read a participant's documents: organisers and admins; the participant (the holder); a parent or family
 * member with an approved access claim; an external teacher with an active link; the teacher of a group the
 * participant is an active member of. Read from registration-service's projections. Runs in the caller's session.
 */
public final class DocumentAccess {

    static final String MAY_READ = "select (exists (select 1 from documents_projection_participants p "
            + "  where p.id = ?1 and p.identity_user_id = ?2) "
            + "or exists (select 1 from documents_projection_access_claims a "
            + "  where a.participant_id = ?1 and a.requester_user_id = ?2 and a.status = 'approved') "
            + "or exists (select 1 from documents_projection_teacher_links l "
            + "  join documents_projection_external_teachers t on t.id = l.external_teacher_profile_id "
            + "  where l.participant_id = ?1 and t.identity_user_id = ?2 and l.relation_status = 'active') "
            + "or exists (select 1 from documents_projection_group_members m "
            + "  join documents_projection_groups g on g.id = m.group_id "
            + "  where m.participant_id = ?1 and g.primary_teacher_user_id = ?2 and m.status = 'active'))";

    private DocumentAccess() {
    }

    public static boolean isOrganiser(Caller.Snapshot caller) {
        return caller.roles().contains(Roles.ADMIN) || caller.roles().contains(Roles.ORGANIZER);
    }

    /** Succeeds when the caller may read the participant's documents; a 403 otherwise. */
    public static Uni<Void> requireReader(UUID participantId, Caller.Snapshot caller) {
        if (isOrganiser(caller)) {
            return Uni.createFrom().voidItem();
        }
        if (participantId == null || caller.userId() == null) {
            return Uni.createFrom().failure(forbidden());
        }
        return Panache.getSession().chain(s -> NativeSql.bind(s.createNativeQuery(MAY_READ, Boolean.class),
                        participantId, caller.userId()).getSingleResult())
                .chain(allowed -> Boolean.TRUE.equals(allowed) ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(forbidden()));
    }

    static ProblemException forbidden() {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, "only the holder, a parent with an approved "
                + "access claim, a linked teacher or the group's teacher may read this participant's documents")
                .withField(EntityTypes.AWARD_DOCUMENT, "holder-parent-or-teacher"));
    }
}
