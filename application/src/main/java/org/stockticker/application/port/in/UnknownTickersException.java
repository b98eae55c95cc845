package org.stockticker.application.port.in;

import java.util.List;
import java.util.stream.Collectors;
import org.stockticker.domain.Symbol;

/** Configured tickers the provider does not know; the user must correct or remove them. */
public class UnknownTickersException extends RuntimeException {

    private final transient List<Symbol> symbols;

    public UnknownTickersException(List<Symbol> symbols, String provider, String outcome) {
        super(message(symbols, provider) + outcome);
        this.symbols = List.copyOf(symbols);
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
}
