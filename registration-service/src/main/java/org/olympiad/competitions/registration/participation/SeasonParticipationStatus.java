package org.olympiad.competitions.registration.participation;

/** {@code competition_season_participation_status}. */
public enum SeasonParticipationStatus { pending, active, completed, withdrawn, disqualified }
