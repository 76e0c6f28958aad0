package org.olympiad.competitions.attempt.activity;

/**
 * {@code competition_tour_activity_bindings.mode}: the tour runs on an LMS activity, or (the competitions-first
 * exception) on a temporary adapter with a locked activity snapshot kept for reproducibility.
 */
public enum BindingMode { lms_activity, temporary_adapter }
