package org.stockticker.application.port.in;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a misspelt one most likely means, for messages that say so: of a config property, of a provider, of
 * a setting. One rule for every caller, so that a name is suggested alike by the connector and by the library.
 */
public final class KnownNames {

    private static final int CLOSE = 2;

    private KnownNames() {
    }

    /**
     * The known name closest to {@code name}, if one is close: at most two edits apart, or one the beginning of
     * the other, once case and the separators {@code _} and {@code -} are set aside ({@code startDate},
     * {@code end_dte}, {@code lookback}).
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        String plain = plain(name);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.stream().sorted().toList()) {
            String other = plain(candidate);
            int distance = distance(plain, other);
            boolean prefix = Math.min(plain.length(), other.length()) >= 3
                    && (other.startsWith(plain) || plain.startsWith(other));
            if ((distance <= CLOSE || prefix) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
