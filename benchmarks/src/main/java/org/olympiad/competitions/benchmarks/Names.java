package org.olympiad.competitions.benchmarks;

/**
 * Distinct participant names, letters only: the services refuse digit runs that look like a SNILS or a phone, and
 * hold two registrations of the same name and grade as likely twins, so every index gets a name of its own.
 * The surname spells the index in base 16 syllables (five of them: a million names).
 */
final class Names {

    private static final String[] FIRST = {"Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Захар",
            "Ирина", "Кирилл", "Лидия", "Максим", "Нина", "Олег", "Полина", "Роман"};
    private static final String[] SYLLABLES = {"ба", "ве", "ги", "до", "ку", "ла", "ми", "но", "пе", "ро", "са", "ту",
            "фи", "ха", "це", "шо"};

    private Names() {
    }

    static String displayName(long index) {
        String first = FIRST[(int) (index % FIRST.length)];
        boolean feminine = first.endsWith("а") || first.endsWith("я");
        StringBuilder surname = new StringBuilder();
        long rest = index;
        for (int i = 0; i < 5; i++) {
            surname.append(SYLLABLES[(int) (rest % SYLLABLES.length)]);
            rest /= SYLLABLES.length;
        }
        if (rest > 0) {
            throw new IllegalArgumentException("more than a million names asked for: " + index);
        }
        surname.setCharAt(0, Character.toUpperCase(surname.charAt(0)));
        return first + " " + surname + (feminine ? "ова" : "ов");
    }
}
