package org.olympiad.competitions.documents.document;

/** {@code competition_award_documents.status}. */
public enum AwardDocumentStatus {
    pending, generated, failed, revoked
}
