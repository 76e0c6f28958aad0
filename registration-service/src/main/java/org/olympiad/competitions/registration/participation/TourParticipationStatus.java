package org.olympiad.competitions.registration.participation;

/** {@code competition_tour_participation_status}. */
public enum TourParticipationStatus { pending, admitted, active, completed, withdrawn, disqualified }
