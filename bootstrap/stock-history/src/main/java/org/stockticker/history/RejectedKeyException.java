package org.stockticker.history;

/** The provider refused the API key, or the key's plan does not include what was asked. Only a new key fixes it. */
public class RejectedKeyException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    /**
     * The key was refused.
     *
     * @param message what the provider answered, without the key
     * @param cause what it was found by, or null
     */
    public RejectedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
