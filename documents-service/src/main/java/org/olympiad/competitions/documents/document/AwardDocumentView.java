package org.olympiad.competitions.documents.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A document as its holder and organisers see it; its snake_case form is the row snapshot in events. */
public record AwardDocumentView(UUID id, UUID resultId, AwardDocumentType type, RecipientType recipientType,
                                JsonNode recipientSnapshot, AwardDocumentStatus status, String documentUrl,
                                String verificationCode, Instant generatedAt) {
}
