package org.stockticker.history;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** The known name closest to a misspelt one, for messages that say what was meant. */
final class Closest {

    private Closest() {
    }

    /**
     * "; did you mean 'x'?" when a known name is within a few edits of {@code name} (a letter missing, added, changed
     * or two swapped), else the known names.
     */
    static String suggestion(String name, Collection<String> known) {
        String closest = known.stream().min(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .orElseThrow();
        int allowed = Math.max(2, closest.length() / 3);
        if (distance(name, closest) <= allowed) {
            return "; did you mean '" + closest + "'?";
        }
        return "; known: " + String.join(", ", known);
    }

    /**
     * The edits that turn {@code a} into {@code b}: insertions, deletions, substitutions and swaps of neighbours
     * (the optimal string alignment distance), ignoring case.
     */
    static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }

    /** {@code text} as a message may quote it: at most 40 characters, control characters as '?'. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
