package org.olympiad.competitions.attempt.training;

/** {@code competition_training_publications.status}. */
public enum TrainingStatus { draft, scheduled, published, paused, archived }
