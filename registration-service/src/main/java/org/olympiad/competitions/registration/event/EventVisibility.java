package org.olympiad.competitions.registration.event;

/** {@code competition_events.public_visibility}: whether the event appears in the public catalogue. */
public enum EventVisibility { hidden, listed }
