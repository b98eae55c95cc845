package org.stockticker.application.port.out;

/**
 * The provider has the symbol but cannot serve it as it is (a file that is no regular file, or not in the expected
 * layout): the user must fix it, and the other symbols can still be read.
 */
public class UnreadableSymbolException extends ProviderException {

    public UnreadableSymbolException(String message) {
        super(message, null);
    }

    public UnreadableSymbolException(String message, Throwable cause) {
        super(message, cause);
    }
}
