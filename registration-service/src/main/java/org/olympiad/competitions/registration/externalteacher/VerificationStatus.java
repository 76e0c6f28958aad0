package org.olympiad.competitions.registration.externalteacher;

/** {@code external_teacher_profiles.verification_status}. */
public enum VerificationStatus { pending, verified, rejected, revoked }
