package org.stockticker.adapters.http;

import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a message or a log: a known secret wherever it appears, and
 * the value of any query parameter that usually carries one.
 */
public final class Redaction {

    /** What replaces a hidden value. */
    public static final String MASK = "****";

    private static final Pattern KEY_PARAMETER =
            Pattern.compile("(?i)\\b(token|apikey|api_key|access_key)=[^&\\s#\"'<>()\\[\\]{},;]*");

    private Redaction() {
    }

    /** {@code text} with {@code secret} (when given) and every key-like query value masked; null stays null. */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (secret != null && !secret.isEmpty()) {
            result = result.replace(secret, MASK);
        }
        return KEY_PARAMETER.matcher(result).replaceAll("$1=" + MASK);
    }
}
