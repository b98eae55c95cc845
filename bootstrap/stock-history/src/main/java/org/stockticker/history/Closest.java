package org.stockticker.history;

import java.util.Collection;
import org.stockticker.application.port.in.KnownNames;

/** What a message adds to an unknown name: the known name it most likely means, or the known names. */
final class Closest {

    private Closest() {
    }

    /** "; did you mean 'x'?" when a known name is close to {@code name} ({@link KnownNames}), else the known names. */
    static String suggestion(String name, Collection<String> known) {
        return KnownNames.closest(name, known).map(closest -> "; did you mean '" + closest + "'?")
                .orElseGet(() -> "; known: " + String.join(", ", known));
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
