package org.olympiad.competitions.results.appeal;

/** {@code competition_appeals.status}. */
public enum AppealStatus { draft, submitted, in_review, accepted, rejected, cancelled }
