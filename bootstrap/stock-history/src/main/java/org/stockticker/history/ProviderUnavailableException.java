package org.stockticker.history;

/**
 * The provider could not answer after every attempt the settings allow: a network failure, a timeout, a server
 * error, an answer broken off or unreadable. Trying later may work.
 */
public class ProviderUnavailableException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    /**
     * The provider could not answer.
     *
     * @param message what failed, without the key
     * @param cause what it was found by, or null
     */
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
