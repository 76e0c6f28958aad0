package org.olympiad.competitions.documents.pdf;

import java.time.LocalDate;

/**
 * What one document says, every text already chosen: the renderer only lays it out.
 *
 * @param heading         the document's kind in large letters, e.g. «ДИПЛОМ»
 * @param awardLine       the award under the heading, e.g. «I степени» or «Похвальная грамота»; may be empty
 * @param holderName      the recipient's full name, as registered
 * @param body            a sentence about the recipient (for gratitude letters), may be empty
 * @param eventTitle      the event, e.g. «Олимпиада по математике»; may be empty
 * @param seasonTitle     the season, e.g. «Сезон 2026/27»
 * @param issuedOn        the date printed
 * @param verificationCode the public code, grouped
 * @param verificationUrl the URL its QR code encodes
 */
public record DocumentContent(String heading, String awardLine, String holderName, String body, String eventTitle,
                              String seasonTitle, LocalDate issuedOn, String verificationCode, String verificationUrl) {
}
