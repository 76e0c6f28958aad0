package org.olympiad.competitions.attempt.checking;

/** {@code competition_checks.status}. */
public enum CheckStatus { pending, checked, needs_review, failed, overridden }
