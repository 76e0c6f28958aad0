package org.olympiad.competitions.registration.policy;

/** {@code competition_registrations.source}: who registers the participant. */
public enum RegistrationSource { self, parent, teacher, organization, admin }
