package org.olympiad.competitions.documents.document;

import java.util.Optional;

/** {@code competition_award_documents.type}, with the heading a document of that type prints. */
public enum AwardDocumentType {
    diploma("ДИПЛОМ"),
    certificate("ПОХВАЛЬНАЯ ГРАМОТА"),
    gratitude("БЛАГОДАРНОСТЬ"),
    participation("СЕРТИФИКАТ УЧАСТНИКА"),
    teacher_gratitude("БЛАГОДАРСТВЕННОЕ ПИСЬМО"),
    team_gratitude("БЛАГОДАРСТВЕННОЕ ПИСЬМО"),
    organization_gratitude("БЛАГОДАРСТВЕННОЕ ПИСЬМО"),
    venue_gratitude("БЛАГОДАРСТВЕННОЕ ПИСЬМО");

    private final String heading;

    AwardDocumentType(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }

    /**
     * The document an award status earns (the seed's award status keys): diplomas of the three degrees, a certificate
     * for honourable mentions, a participation certificate where the award policy granted one; nothing for no award.
     */
    public static Optional<AwardDocumentType> earnedBy(String awardStatusKey) {
        if (awardStatusKey == null) {
            return Optional.empty();
        }
        return switch (awardStatusKey) {
            case "diploma_1", "diploma_2", "diploma_3" -> Optional.of(diploma);
            case "honorable_mention_1", "honorable_mention_2" -> Optional.of(certificate);
            case "participation_certificate" -> Optional.of(participation);
            default -> Optional.empty();
        };
    }

    /** The award line under the heading when results-service sent no title. */
    public static String defaultAwardLine(String awardStatusKey) {
        return switch (awardStatusKey == null ? "" : awardStatusKey) {
            case "diploma_1" -> "I степени";
            case "diploma_2" -> "II степени";
            case "diploma_3" -> "III степени";
            case "honorable_mention_1" -> "Похвальный отзыв I степени";
            case "honorable_mention_2" -> "Похвальный отзыв II степени";
            default -> "";
        };
    }
}
