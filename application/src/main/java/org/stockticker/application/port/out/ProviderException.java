package org.stockticker.application.port.out;

/** A price provider could not answer; the subclass says whether the user, or time, can fix it. */
public abstract class ProviderException extends RuntimeException {

    protected ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
