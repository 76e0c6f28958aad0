package org.olympiad.competitions.documents.material;

import org.olympiad.competitions.platform.request.Caller;
import org.olympiad.competitions.platform.security.Roles;

import java.util.EnumSet;
import java.util.Set;

/** {@code competition_teacher_materials.visibility}: who may read a published material. */
public enum MaterialVisibility {
    teacher, teacher_and_helpers, organization, @com.fasterxml.jackson.annotation.JsonProperty("public") public_, admin;

    /** The seed's word: {@code public} is a Java keyword. */
    public String column() {
        return this == public_ ? "public" : name();
    }

    public static MaterialVisibility ofColumn(String value) {
        return "public".equals(value) ? public_ : valueOf(value);
    }

    /**
     * What a caller may read: organisers and admins everything; a teacher what is for teachers (their helpers act
     * under a teacher's grant and read what is for helpers), organisations and the public; an organisation's staff
     * (venue staff) what is for organisations and the public; anyone else what is public.
     */
    public static Set<MaterialVisibility> readableBy(Caller.Snapshot caller) {
        Set<String> roles = caller.roles();
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.ORGANIZER)) {
            return EnumSet.allOf(MaterialVisibility.class);
        }
        if (roles.contains(Roles.TEACHER)) {
            return EnumSet.of(teacher, teacher_and_helpers, organization, public_);
        }
        if (roles.contains(Roles.VENUE_STAFF)) {
            return EnumSet.of(teacher_and_helpers, organization, public_);
        }
        return EnumSet.of(public_);
    }
}
