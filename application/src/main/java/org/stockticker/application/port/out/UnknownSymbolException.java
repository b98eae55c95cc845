package org.stockticker.application.port.out;

import org.stockticker.domain.Symbol;

/** The provider does not know the symbol. */
public class UnknownSymbolException extends ProviderException {

    private final transient Symbol symbol;

    public UnknownSymbolException(Symbol symbol, String provider) {
        super("Ticker " + symbol + " is unknown to provider " + provider, null);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
