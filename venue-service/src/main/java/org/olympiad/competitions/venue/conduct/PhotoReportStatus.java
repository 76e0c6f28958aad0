package org.olympiad.competitions.venue.conduct;

/** {@code competition_photo_reports.status}. */
public enum PhotoReportStatus { submitted, confirmed, unconfirmed }
