package org.stockticker.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A ticker symbol as exchanges and price providers spell it: upper-case letters, digits, '.' and '-'.
 *
 * <p>The alphabet is narrow on purpose: a symbol becomes part of URLs and file names, so anything that could
 * change their meaning (spaces, slashes, "..") is refused here rather than escaped later.
 */
public record Symbol(String value) implements Comparable<Symbol> {

    /** The longest symbol accepted; real listings stay well below it. */
    public static final int MAX_LENGTH = 20;

    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9](?:[A-Z0-9]|[.-](?=[A-Z0-9]))*");

    public Symbol {
        if (value == null) {
            throw new IllegalArgumentException("symbol is required");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("symbol '" + printable(value) + "' is invalid: use 1 to " + MAX_LENGTH
                    + " upper-case letters and digits, with single '.' or '-' between them");
        }
    }

    /** Reads a symbol as a person types it: case does not matter, the result is upper-case. */
    public static Symbol parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("symbol is required");
        }
        // Upper-casing can turn other scripts into ASCII ("ı" into "I"): only ASCII input is a symbol.
        boolean ascii = text.chars().allMatch(c -> c < 128);
        return new Symbol(ascii ? text.toUpperCase(Locale.ROOT) : text);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
