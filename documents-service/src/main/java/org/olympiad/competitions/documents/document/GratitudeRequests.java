package org.olympiad.competitions.documents.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request bodies for gratitude letters. */
public final class GratitudeRequests {

    private GratitudeRequests() {
    }

    /** Whom a letter thanks: the seed's recipient types other than the participant, each with its document type. */
    public enum Kind {
        teacher(AwardDocumentType.teacher_gratitude, RecipientType.teacher),
        organization(AwardDocumentType.organization_gratitude, RecipientType.organization),
        venue(AwardDocumentType.venue_gratitude, RecipientType.venue),
        team_member(AwardDocumentType.team_gratitude, RecipientType.team_member);

        private final AwardDocumentType documentType;
        private final RecipientType recipientType;

        Kind(AwardDocumentType documentType, RecipientType recipientType) {
            this.documentType = documentType;
            this.recipientType = recipientType;
        }

        AwardDocumentType documentType() {
            return documentType;
        }

        RecipientType recipientType() {
            return recipientType;
        }
    }

    public record Recipient(@NotNull Kind recipientType, @NotBlank @Size(max = 300) String name, UUID ref) {
    }

    public record Create(@NotNull UUID seasonId, @Size(max = 1000) String text,
                         @NotEmpty @Size(max = 1000) List<@Valid @NotNull Recipient> recipients) {
    }
}
