package org.olympiad.competitions.registration.registration;

/** {@code competition_registrations.stage}: how far the registration's details have come. */
public enum RegistrationStage { pre_registration, details_required, ready_for_review, complete }
