package org.olympiad.competitions.registration.externalteacher;

/** {@code external_teacher_profiles.verification_source}: how the profile came to be. */
public enum VerificationSource { self_declaration, organization, admin, migration }
