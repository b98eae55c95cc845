package org.stockticker.application.port.out;

/**
 * The provider answered, but the answer cannot be read: cut short, stalled, not JSON, or JSON of another shape.
 * Unlike a request that kept failing, such an answer is worth asking for again.
 */
public class BrokenAnswerException extends ProviderUnavailableException {

    public BrokenAnswerException(String message) {
        super(message, null);
    }
}
