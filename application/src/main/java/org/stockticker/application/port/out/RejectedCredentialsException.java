package org.stockticker.application.port.out;

/** The provider refused the configured key (missing, invalid, disabled, or without access). */
public class RejectedCredentialsException extends ProviderException {

    public RejectedCredentialsException(String message) {
        super(message, null);
    }
}
