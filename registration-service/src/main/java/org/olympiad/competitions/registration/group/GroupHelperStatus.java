package org.olympiad.competitions.registration.group;

/** {@code competition_group_helpers.status}. */
public enum GroupHelperStatus { active, revoked }
