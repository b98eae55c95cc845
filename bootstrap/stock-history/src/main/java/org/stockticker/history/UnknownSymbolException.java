package org.stockticker.history;

/** The provider does not know the symbol: it never listed it, or not under this spelling. */
public class UnknownSymbolException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    /** The symbol the provider does not know, upper case. */
    private final String symbol;

    /**
     * The provider does not know {@code symbol}.
     *
     * @param symbol the symbol, upper case
     * @param message what the provider answered
     * @param cause what it was found by, or null
     */
    public UnknownSymbolException(String symbol, String message, Throwable cause) {
        super(message, cause);
        this.symbol = symbol;
    }

    /**
     * The symbol the provider does not know.
     *
     * @return the symbol, upper case
     */
    public String symbol() {
        return symbol;
    }
}
