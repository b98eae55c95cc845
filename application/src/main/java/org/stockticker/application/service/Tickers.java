package org.stockticker.application.service;

import java.util.Collection;
import java.util.stream.Collectors;
import org.stockticker.domain.Symbol;

/** Wording shared by the services when they speak of tickers. */
final class Tickers {

    private Tickers() {
    }

    static String join(Collection<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).collect(Collectors.joining(", "));
    }

    static String unknownMessage(Collection<Symbol> symbols, String provider) {
        return (symbols.size() == 1 ? "Ticker " : "Tickers ") + join(symbols) + (symbols.size() == 1 ? " is" : " are")
                + " unknown to provider " + provider + ": correct or remove "
                + (symbols.size() == 1 ? "it" : "them") + " in tickers";
    }
}
