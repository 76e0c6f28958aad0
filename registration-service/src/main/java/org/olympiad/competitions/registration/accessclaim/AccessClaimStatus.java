package org.olympiad.competitions.registration.accessclaim;

/** {@code competition_access_claims.status}. */
public enum AccessClaimStatus { requested, approved, rejected, cancelled }
