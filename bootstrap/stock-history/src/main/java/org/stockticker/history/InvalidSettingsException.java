package org.stockticker.history;

/**
 * A provider's settings cannot work: an unknown provider or setting (the message names the closest known one), a
 * missing key, a value of the wrong type or out of range. Thrown when the settings are made or the history opened,
 * before any request.
 */
public class InvalidSettingsException extends StockHistoryException {

    private static final long serialVersionUID = 1L;

    /**
     * Invalid settings.
     *
     * @param message what is wrong, naming the setting
     * @param cause what it was found by, or null
     */
    public InvalidSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
