package org.olympiad.competitions.registration.participation;

/** {@code competition_tour_participations.delivery_mode}: how the participant sits the tour. */
public enum DeliveryMode { online, teacher_led, venue, imported }
