package org.olympiad.competitions.registration.tour;

/** {@code competition_tours.format}. */
public enum TourFormat { test, written, scans, hybrid, chess, other }
