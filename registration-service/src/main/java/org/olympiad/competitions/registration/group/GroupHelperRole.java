package org.olympiad.competitions.registration.group;

/**
 * {@code competition_group_helpers.role}: what a teacher's helper may do for one group. {@code answers_entry} enters
 * answers for the group's members, {@code file_upload} uploads scans, {@code roster_view} reads the roster,
 * {@code venue_staff} marks attendance.
 */
public enum GroupHelperRole { answers_entry, file_upload, roster_view, venue_staff }
