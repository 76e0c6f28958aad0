package org.olympiad.competitions.venue.conduct;

/** {@code competition_teacher_conduct_applications.status}. */
public enum ConductStatus { draft, submitted, approved, needs_changes, rejected, cancelled, completed }
