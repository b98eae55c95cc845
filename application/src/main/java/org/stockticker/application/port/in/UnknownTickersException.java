package org.stockticker.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stockticker.domain.Symbol;

/**
 * Configured tickers the provider does not know, or cannot serve as they are; the user must correct or remove them.
 */
public class UnknownTickersException extends RuntimeException {

    private final transient List<Symbol> symbols;

    public UnknownTickersException(List<Symbol> symbols, String provider, String outcome) {
        this(symbols, Map.of(), provider, outcome);
    }

    /**
     * The {@code unknown} tickers, and the {@code unreadable} ones with why each cannot be read; {@code outcome} ends
     * the message ("; the other tickers were read").
     */
    public UnknownTickersException(List<Symbol> unknown, Map<Symbol, String> unreadable, String provider,
            String outcome) {
        super(message(unknown, unreadable, provider) + outcome);
        List<Symbol> all = new ArrayList<>(unknown);
        all.addAll(unreadable.keySet());
        this.symbols = List.copyOf(all);
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /** "Ticker X is unknown to provider P: correct or remove it in tickers", or the same for several. */
    public static String message(List<Symbol> symbols, String provider) {
        boolean one = symbols.size() == 1;
        return (one ? "Ticker " : "Tickers ") + symbols.stream().map(Symbol::value).collect(Collectors.joining(", "))
                + (one ? " is" : " are") + " unknown to provider " + provider + ": correct or remove "
                + (one ? "it" : "them") + " in tickers";
    }

    private static String message(List<Symbol> unknown, Map<Symbol, String> unreadable, String provider) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add(message(unknown, provider));
        }
        unreadable.forEach((symbol, why) -> parts.add("Ticker " + symbol + " cannot be read from provider " + provider
                + ": " + why));
        return String.join("; ", parts);
    }
}
