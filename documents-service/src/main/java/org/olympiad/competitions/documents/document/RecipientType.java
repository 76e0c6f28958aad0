package org.olympiad.competitions.documents.document;

/** {@code competition_award_documents.recipient_type}. */
public enum RecipientType {
    participant, teacher, team_member, organization, venue
}
