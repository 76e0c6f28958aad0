package org.olympiad.competitions.registration.season;

/** {@code competition_season_status}. */
public enum SeasonStatus { draft, registration_open, running, checking, results_review, published, archived, cancelled }
