package org.olympiad.competitions.venue.conduct;

/** {@code competition_teacher_conduct_applications.delivery_mode}. */
public enum ConductDeliveryMode { teacher_led, online_supervised, mixed }
