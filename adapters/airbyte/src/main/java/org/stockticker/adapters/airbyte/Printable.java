package org.stockticker.adapters.airbyte;

/**
 * User input quoted back in a message: cut short, and with control characters, which could break a log line, shown
 * as {@code ?}.
 */
public final class Printable {

    /** How much of a value a message quotes, unless it says otherwise. */
    public static final int SHORT = 40;

    private Printable() {
    }

    /** {@code text} cut to {@value #SHORT} characters. */
    public static String shown(String text) {
        return shown(text, SHORT);
    }

    /** {@code text} cut to {@code max} characters, followed by "..." when cut, control characters as {@code ?}. */
    public static String shown(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
