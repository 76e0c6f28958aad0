package org.olympiad.competitions.attempt.activity;

/** {@code competition_tour_activity_bindings.status}. */
public enum ActivityBindingStatus { draft, review, locked, published, archived }
