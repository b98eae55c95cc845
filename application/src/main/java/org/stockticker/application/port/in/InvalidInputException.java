package org.stockticker.application.port.in;

/**
 * A configuration, catalog or state the user supplied cannot be used. The message names the field and what
 * is wrong with it, and is safe to show: it never quotes a secret.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
