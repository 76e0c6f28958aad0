package org.olympiad.competitions.registration.accessclaim;

/** {@code competition_access_claims.claim_type}: who the requester says they are to the participant. */
public enum AccessClaimType { student, parent, family }
