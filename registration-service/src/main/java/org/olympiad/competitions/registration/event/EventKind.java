package org.olympiad.competitions.registration.event;

/** {@code competition_events.type}. */
public enum EventKind { olympiad, contest, tournament }
