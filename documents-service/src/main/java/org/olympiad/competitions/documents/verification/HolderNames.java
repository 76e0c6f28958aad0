package org.olympiad.competitions.documents.verification;

/** A holder's name as verification shows it: «Иванова Мария Петровна» → «Иванова М. П.». */
public final class HolderNames {

    private HolderNames() {
    }

    public static String shortened(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String[] words = fullName.strip().split("\\s+");
        StringBuilder shortName = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            shortName.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
        }
        return shortName.toString();
    }
}
