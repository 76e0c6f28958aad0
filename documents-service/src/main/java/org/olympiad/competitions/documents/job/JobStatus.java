package org.olympiad.competitions.documents.job;

/** {@code competition_document_generation_jobs.status}. */
public enum JobStatus {
    queued, running, succeeded, failed, cancelled
}
