package org.olympiad.competitions.registration.externalteacher;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.olympiad.competitions.contracts.EntityTypes;
import org.olympiad.competitions.platform.api.Page;
import org.olympiad.competitions.platform.api.PageRequest;
import org.olympiad.competitions.platform.outbox.Outbox;
import org.olympiad.competitions.platform.problem.ProblemException;
import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.registration.accessclaim.AccessClaims;
import org.olympiad.competitions.registration.participant.Participant;

import java.util.UUID;

import static org.olympiad.competitions.registration.externalteacher.ExternalTeacherService.forbidden;
import static org.olympiad.competitions.registration.externalteacher.ExternalTeacherService.isOrganiser;
import static org.olympiad.competitions.registration.externalteacher.ExternalTeacherService.requireUserId;

/**
 * Units of work on external teachers' links to participants. A link concerns three parties: its teacher, the
 * participant's side (the participant's own identity user, or a holder of an approved access claim on them) and
 * organisers; to anyone else it is a 404. The teacher asks and may revoke; confirming or rejecting is the
 * participant's side's or an organiser's.
 */
@ApplicationScoped
public class ExternalTeacherLinkService {

    private final Outbox outbox;
    private final Caller caller;

    public ExternalTeacherLinkService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    /** The teacher (with a verified profile) or an organiser asks to link the profile to a participant: pending. */
    @WithTransaction
    public Uni<ExternalTeacherLinkView> create(UUID profileId, ExternalTeacherRequests.LinkCreate request) {
        return ExternalTeacherService.requireVisible(caller, profileId).chain(profile ->
                Participant.<Participant>findById(request.participantId()).chain(participant -> {
                    if (participant == null) {
                        throw ProblemException.invalidField("participantId", "participant-exists",
                                "participant " + request.participantId() + " does not exist");
                    }
                    ExternalTeacherStudentLink link = ExternalTeacherStudentLink.requested(profile, participant, request.evidence());
                    return requireNoLink(profile.id, participant.id)
                            .chain(() -> link.persist())
                            .chain(() -> outbox.record(link.created(participant.seasonId), link::view));
                }));
    }

    /** A profile's links, oldest first, by status when given: for its teacher and organisers. */
    @WithSession
    public Uni<Page<ExternalTeacherLinkView>> listOfProfile(UUID profileId, RelationStatus status, PageRequest page) {
        return ExternalTeacherService.requireVisible(caller, profileId).chain(profile -> Page.of(status == null
                        ? ExternalTeacherStudentLink.<ExternalTeacherStudentLink>find("externalTeacherProfileId",
                        ExternalTeacherService.OLDEST_FIRST, profile.id)
                        : ExternalTeacherStudentLink.<ExternalTeacherStudentLink>find(
                        "externalTeacherProfileId = ?1 and relationStatus = ?2", ExternalTeacherService.OLDEST_FIRST,
                        profile.id, status),
                page, ExternalTeacherStudentLink::view));
    }

    @WithSession
    public Uni<ExternalTeacherLinkView> get(UUID linkId) {
        return ExternalTeacherStudentLink.<ExternalTeacherStudentLink>findById(linkId)
                .chain(link -> partiesOf(link, linkId).map(parties -> {
                    if (!parties.sees()) {
                        throw ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, linkId);
                    }
                    return link.view();
                }));
    }

    /**
     * pending → active or rejected by the participant's side or an organiser (the teacher gets a 403); active →
     * revoked by any of the three parties. A refused move is a 409 naming both states.
     */
    @WithTransaction
    public Uni<ExternalTeacherLinkView> transition(UUID linkId, ExternalTeacherRequests.LinkTransition request) {
        requireUserId(caller);
        return ExternalTeacherStudentLink.<ExternalTeacherStudentLink>findById(linkId, LockModeType.PESSIMISTIC_WRITE)
                .chain(link -> partiesOf(link, linkId).chain(parties -> {
                    if (!parties.sees()) {
                        throw ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, linkId);
                    }
                    if (ExternalTeacherStudentLink.CONFIRMATIONS.contains(request.to())
                            && !(parties.organiser() || parties.participantSide())) {
                        throw forbidden("only the participant's side or an organiser confirms or rejects a teacher's link");
                    }
                    return outbox.record(link.moveTo(request.to(), request.reason(), parties.profile(),
                            parties.participant().seasonId), link::view);
                }));
    }

    /** Who the caller is to the link; a missing link is a 404. */
    private Uni<Parties> partiesOf(ExternalTeacherStudentLink link, UUID linkId) {
        if (link == null) {
            return Uni.createFrom().failure(ProblemException.notFound(EntityTypes.EXTERNAL_TEACHER_STUDENT_LINK, linkId));
        }
        boolean organiser = isOrganiser(caller);
        UUID me = caller.userId();
        return ExternalTeacherProfile.<ExternalTeacherProfile>findById(link.externalTeacherProfileId)
                .chain(profile -> Participant.<Participant>findById(link.participantId).chain(participant -> {
                    if (participant.isIdentity(me)) {
                        return Uni.createFrom().item(new Parties(profile, participant, organiser, profile.isOwnedBy(me), true));
                    }
                    return AccessClaims.grantsAccess(me, participant.id).map(granted ->
                            new Parties(profile, participant, organiser, profile.isOwnedBy(me), granted));
                }));
    }

    private record Parties(ExternalTeacherProfile profile, Participant participant, boolean organiser, boolean teacher,
                           boolean participantSide) {
        boolean sees() {
            return organiser || teacher || participantSide;
        }
    }

    private static Uni<Void> requireNoLink(UUID profileId, UUID participantId) {
        return ExternalTeacherStudentLink.count("externalTeacherProfileId = ?1 and participantId = ?2", profileId, participantId)
                .map(count -> {
                    if (count > 0) {
                        throw ProblemException.conflict("participantId", "one-link-per-teacher",
                                "the teacher already has a link to participant " + participantId);
                    }
                    return null;
                });
    }
}
