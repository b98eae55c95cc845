package org.stockticker.history;

/**
 * A call's arguments cannot be served: a symbol that is not one, a missing date, a window that ends before it
 * starts, or something the provider does not offer. The message names the argument. Calling again with the same
 * arguments fails again.
 */
public class InvalidRequestException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    /**
     * An invalid request.
     *
     * @param message what is wrong, naming the argument
     * @param cause what it was found by, or null
     */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
