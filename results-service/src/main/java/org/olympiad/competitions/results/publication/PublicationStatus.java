package org.olympiad.competitions.results.publication;

/** {@code competition_publications.status}. */
public enum PublicationStatus { draft, scheduled, published, hidden, archived }
