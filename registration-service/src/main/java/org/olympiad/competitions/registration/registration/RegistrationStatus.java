package org.olympiad.competitions.registration.registration;

/** {@code competition_registration_status}. */
public enum RegistrationStatus {
    draft, pre_submitted, needs_completion, submitted, pending_review, approved, rejected, cancelled, duplicate_hold
}
