package org.olympiad.competitions.platform.personaldata;

/** How much a field may legitimately hold; decides which kinds of raw personal data {@link PersonalDataGuard} looks for. */
public enum Strictness {

    /**
     * Refs and snapshots ({@code *_ref}, {@code *_snapshot} columns): a ref must be an opaque id, so any SNILS,
     * e-mail, phone <em>or date</em> in it is refused.
     */
    REF_OR_SNAPSHOT,

    /**
     * Policies, settings, titles and comments, where legitimate dates (registration windows, deadlines) occur:
     * SNILS, e-mail and phone are refused; a date only under a key that names a birth date.
     */
    FREE_TEXT_OR_POLICY
}
