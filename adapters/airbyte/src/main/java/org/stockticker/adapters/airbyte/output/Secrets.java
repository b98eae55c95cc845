package org.stockticker.adapters.airbyte.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of a run, and a pattern per secret that finds it in a text however it is spelled there: each of its
 * characters as it is, percent-encoded (upper- or lower-case hex, as a URL or a form carries it, a space also as
 * {@code +}), or JSON-escaped (a provider echoing a request in its JSON body may write {@code /} as {@code \/}), in any
 * mix, as an HTTP client that encodes some characters of a query value and not others writes it. Masking applies to
 * free text only: log lines and the messages of errors and statuses, never the structure of a message or a record.
 */
final class Secrets {

    static final String MASK = "**********";

    /** Shorter values are no real key, and masking them would garble every word they occur in. */
    private static final int SHORTEST = 4;

    // Replaced whole on each change, so that a reader on another thread sees the old list or the new one.
    private volatile List<Pattern> patterns = List.of();

    synchronized void add(String secret) {
        if (secret == null || secret.strip().length() < SHORTEST) {
            return;
        }
        List<Pattern> more = new ArrayList<>(patterns);
        more.add(patternOf(secret));
        patterns = List.copyOf(more);
    }

    /** {@code text} with every spelling of every secret masked; null stays null. */
    String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Pattern pattern : patterns) {
            masked = pattern.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return masked;
    }

    /** A pattern that matches {@code secret} with each character in any of its spellings. */
    static Pattern patternOf(String secret) {
        StringBuilder regex = new StringBuilder();
        secret.codePoints().forEach(c -> {
            List<String> spellings = new ArrayList<>();
            String character = new String(Character.toChars(c));
            spellings.add(Pattern.quote(character));
            StringBuilder percent = new StringBuilder();
            for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
                percent.append(String.format("%%[%X%x][%X%x]", (b >> 4) & 0xF, (b >> 4) & 0xF, b & 0xF, b & 0xF));
            }
            spellings.add(percent.toString());
            if (c == ' ') {
                spellings.add("\\+");
            }
            if (c == '/' || c == '"' || c == '\\') {
                spellings.add(Pattern.quote("\\" + character));
            }
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                // JSON's backslash-u escape, in either hex case.
                spellings.add(Pattern.quote(String.format("\\u%04x", c)));
                spellings.add(Pattern.quote(String.format("\\u%04X", c)));
            }
            regex.append("(?:").append(String.join("|", spellings)).append(')');
        });
        return Pattern.compile(regex.toString());
    }
}
