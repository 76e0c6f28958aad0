package org.olympiad.competitions.registration.group;

/** {@code competition_group_members.status}: in the group's current snapshot, or gone from the learning group. */
public enum GroupMemberStatus { active, removed }
