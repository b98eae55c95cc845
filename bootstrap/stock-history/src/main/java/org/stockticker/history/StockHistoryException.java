package org.stockticker.history;

/**
 * What the library throws; a subclass says what went wrong and who can fix it. Messages never contain the API key.
 */
public abstract class StockHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message} and the {@code cause} it was found by, or null.
     *
     * @param message what went wrong
     * @param cause what it was found by, or null
     */
    protected StockHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
