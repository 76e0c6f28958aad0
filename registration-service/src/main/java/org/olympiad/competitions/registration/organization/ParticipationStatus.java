package org.olympiad.competitions.registration.organization;

/** {@code competition_organizations.participation_status}: whether the organisation takes part in the season. */
public enum ParticipationStatus { active, suspended, withdrawn }
