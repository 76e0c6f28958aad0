package org.olympiad.competitions.results.publication;

import com.fasterxml.jackson.databind.JsonNode;
import org.olympiad.competitions.platform.api.StrictJson;
import org.olympiad.competitions.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/**
 * A publication's {@code settings}, typed.
 * <pre>
 * {"scheduledAt": "2027-03-01T09:00:00Z", "tourId": "…", "nameFormat": "surname_initial", "minorsOnly": true,
 *  "appealWindowHours": 72}
 * </pre>
 * tourId: whose results (a tour's; absent: the season's own). nameFormat: how public results show names (full,
 * surname_initial "Вера О.", initials "В. О."), for minors only unless minorsOnly is false. appealWindowHours:
 * how long after a personal results publication appeals may be filed.
 */
public record PublicationSettings(Instant scheduledAt, UUID tourId, NameFormat nameFormat, Boolean minorsOnly,
                                  Integer appealWindowHours) {

    public static final String FIELD = "settings";

    public enum NameFormat { full, surname_initial, initials }

    public PublicationSettings {
        nameFormat = nameFormat == null ? NameFormat.surname_initial : nameFormat;
        minorsOnly = minorsOnly == null || minorsOnly;
        appealWindowHours = appealWindowHours == null ? 72 : appealWindowHours;
    }

    public static PublicationSettings parse(JsonNode json) {
        PublicationSettings s = StrictJson.read(FIELD, json, PublicationSettings.class);
        if (s.appealWindowHours() < 0 || s.appealWindowHours() > 24 * 90) {
            throw ProblemException.invalidField(FIELD + ".appealWindowHours", "range",
                    FIELD + ".appealWindowHours must be between 0 and 2160");
        }
        return s;
    }

    /** The name as this publication shows it: "Вера Орлова" → "Вера О." or "В. О.". */
    public String shorten(String displayName, boolean minor) {
        if (displayName == null || nameFormat == NameFormat.full || (minorsOnly && !minor)) {
            return displayName;
        }
        String[] words = displayName.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            boolean keep = nameFormat == NameFormat.surname_initial && i == 0;
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(keep ? words[i] : words[i].codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".");
        }
        return out.toString();
    }
}
