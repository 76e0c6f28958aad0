package org.olympiad.competitions.documents.verification;

import java.time.LocalDate;

/**
 * What anyone with a document's code may learn about it: whether it is valid or revoked (and why), what it is for,
 * and whose it is, the name shortened to the surname and initials.
 */
public record VerificationView(String code, String status, String documentType, String title, String award,
                               String holder, String event, String season, LocalDate issuedOn,
                               String revocationReason) {

    public boolean valid() {
        return "valid".equals(status);
    }
}
