package org.olympiad.competitions.platform.security;

/** The roles of the {@code groups} claim, as DESIGN.md lists them. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String ORGANIZER = "organizer";
    public static final String CHECKER = "checker";
    public static final String TEACHER = "teacher";
    public static final String PARTICIPANT = "participant";
    public static final String PARENT = "parent";
    public static final String VENUE_STAFF = "venue_staff";

    private Roles() {
    }
}
