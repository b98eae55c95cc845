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

    /**
     * Why {@code tickers ["*"]} cannot be read with {@code provider}, which answers one symbol per request, and what
     * to do instead: the one wording of the config check, {@code check} and {@code read}.
     *
     * @param able the providers that answer every symbol of a day at once, as the user would name them
     */
    public static String wholeMarketRefused(String provider, String able) {
        return "tickers [\"*\"] asks for the whole market, which provider " + provider + " cannot answer: it answers"
                + " one symbol per request; name the tickers, or use a provider that answers every symbol of a day at"
                + " once (" + able + ")";
    }
}
