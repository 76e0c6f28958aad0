package org.olympiad.competitions.registration.externalteacher;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** What an external teacher's link grants, for other features to ask (a teacher sees linked students' records). */
public final class ExternalTeachers {

    private ExternalTeachers() {
    }

    /**
     * True when the teacher whose identity user is {@code teacherUserId} has a verified profile with an active link
     * to {@code participantId}. A pending, rejected or revoked link grants nothing, and neither does an active link
     * of a profile since revoked; a null user or participant is false. Runs in the caller's session: call it from
     * a {@code @WithSession} or {@code @WithTransaction} method.
     */
    public static Uni<Boolean> linkedTo(UUID teacherUserId, UUID participantId) {
        if (teacherUserId == null || participantId == null) {
            return Uni.createFrom().item(false);
        }
        return ExternalTeacherStudentLink.count("participantId = ?1 and relationStatus = ?2 and externalTeacherProfileId in "
                        + "(select p.id from ExternalTeacherProfile p where p.identityUserId = ?3 and p.verificationStatus = ?4)",
                participantId, RelationStatus.active, teacherUserId, VerificationStatus.verified).map(count -> count > 0);
    }
}
