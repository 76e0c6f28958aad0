package org.olympiad.competitions.registration.tour;

/** {@code competition_tour_status}. */
public enum TourStatus { draft, scheduled, open, closed, checking, results_ready, published, archived, cancelled }
