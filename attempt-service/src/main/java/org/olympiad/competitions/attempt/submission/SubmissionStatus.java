package org.olympiad.competitions.attempt.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * {@code competition_submission_status}. {@code void} is a Java keyword, so that constant is {@link #voided}; in the
 * database, the API and events it is {@code void}, as the seed names it.
 */
public enum SubmissionStatus {
    not_started, started, submitted, locked, checking, checked, voided;

    @JsonValue
    public String dbValue() {
        return this == voided ? "void" : name();
    }

    @JsonCreator
    public static SubmissionStatus of(String value) {
        return "void".equals(value) ? voided : valueOf(value);
    }

    @Converter
    public static class Column implements AttributeConverter<SubmissionStatus, String> {
        @Override
        public String convertToDatabaseColumn(SubmissionStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public SubmissionStatus convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
