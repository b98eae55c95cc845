package org.stockticker.application.port.out;

/** The provider kept failing (unreachable, server errors, rate limits, unreadable answers): try again later. */
public class ProviderUnavailableException extends ProviderException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
