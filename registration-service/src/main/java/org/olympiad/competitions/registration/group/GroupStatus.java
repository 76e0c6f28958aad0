package org.olympiad.competitions.registration.group;

/** {@code competition_groups.status}. */
public enum GroupStatus { active, archived }
