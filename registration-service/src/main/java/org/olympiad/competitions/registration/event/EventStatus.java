package org.olympiad.competitions.registration.event;

/** {@code competition_event_status}. */
public enum EventStatus { draft, active, archived }
