package org.stockticker.adapters.airbyte.output;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of a run and every spelling in which they can show up in a text: as they are, URL-encoded (with
 * upper- or lower-case hex, a space as {@code +} or {@code %20}), and JSON-escaped (a provider echoing a request in
 * its JSON body may write {@code /} as {@code \/}). Masking applies to free text only: log lines and the messages
 * of errors and statuses, never the structure of a message or a record.
 */
final class Secrets {

    static final String MASK = "**********";

    /** Shorter values are no real key, and masking them would garble every word they occur in. */
    private static final int SHORTEST = 4;

    private static final Pattern HEX = Pattern.compile("%[0-9A-F]{2}");

    // Longest first, so that no spelling is left half masked by a shorter one inside it.
    private final List<String> spellings = new CopyOnWriteArrayList<>();

    void add(String secret) {
        if (secret == null || secret.strip().length() < SHORTEST) {
            return;
        }
        Set<String> all = new LinkedHashSet<>(spellings);
        all.addAll(spellingsOf(secret));
        List<String> sorted = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        spellings.clear();
        spellings.addAll(sorted);
    }

    /** {@code text} with every spelling of every secret masked; null stays null. */
    String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String spelling : spellings) {
            masked = masked.replace(spelling, MASK);
        }
        return masked;
    }

    static Set<String> spellingsOf(String secret) {
        Set<String> spellings = new LinkedHashSet<>();
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : List.of(secret, url, url.replace("+", "%20"))) {
            spellings.add(encoded);
            spellings.add(lowerHex(encoded));
        }
        for (String plain : List.copyOf(spellings)) {
            String json = new String(JsonStringEncoder.getInstance().quoteAsString(plain));
            spellings.add(json);
            spellings.add(json.replace("/", "\\/"));
        }
        return spellings;
    }

    private static String lowerHex(String encoded) {
        Matcher hex = HEX.matcher(encoded);
        StringBuilder lower = new StringBuilder();
        while (hex.find()) {
            hex.appendReplacement(lower, hex.group().toLowerCase(Locale.ROOT));
        }
        hex.appendTail(lower);
        return lower.toString();
    }
}
