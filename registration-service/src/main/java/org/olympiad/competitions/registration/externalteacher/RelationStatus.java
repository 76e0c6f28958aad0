package org.olympiad.competitions.registration.externalteacher;

/** {@code external_teacher_student_links.relation_status}. */
public enum RelationStatus { pending, active, revoked, rejected }
