package org.stockticker.adapters.provider;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.util.Optional;
import org.stockticker.adapters.http.HttpErrors;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;

/**
 * What an error status means for every provider: 429 and 5xx are retried (then reported as unavailable by
 * {@link org.stockticker.adapters.http.ResilientFeign}), 401 and 403 say the provider rejected the API key, and any
 * other status is an unexpected HTTP status. Messages name the provider and the status, and end with the provider's
 * explanation, its key masked; never with a Feign message, which quotes the URL and the key with it.
 *
 * <p>A provider's decoder extends this with what its own statuses mean ({@link #meaning}), how it explains itself
 * ({@link #explanation}), and, where it differs, which statuses are worth another try or are about the key.
 */
public abstract class ProviderErrorDecoder implements ErrorDecoder {

    /** Enough for a provider's one- or two-sentence explanation. */
    private static final int EXPLANATION_CHARS = 200;

    private final String provider;
    private final String apiKey;

    /** A decoder for the provider named {@code provider}, which masks {@code apiKey} wherever an answer quotes it. */
    protected ProviderErrorDecoder(String provider, String apiKey) {
        this.provider = provider;
        this.apiKey = apiKey;
    }

    @Override
    public final Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (isRetryable(status)) {
            return HttpErrors.retryable(response);
        }
        Optional<Exception> own = meaning(status, response);
        if (own.isPresent()) {
            return own.get();
        }
        if (rejectsKey(status)) {
            return new RejectedCredentialsException("provider " + provider + " rejected the API key (HTTP " + status
                    + ")" + detail(response));
        }
        return new ProviderUnavailableException("provider " + provider + " answered with the unexpected HTTP " + status
                + detail(response), null);
    }

    /** Whether {@code status} is worth another try: 429 and every 5xx. */
    protected boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether {@code status} says the key was refused: 401 and 403. */
    protected boolean rejectsKey(int status) {
        return status == 401 || status == 403;
    }

    /**
     * What {@code status} means to this provider in particular, such as an unknown symbol; empty for the meaning every
     * provider shares. Asked before the body is read, so that the answer can still be read here.
     */
    protected Optional<Exception> meaning(int status, Response response) {
        return Optional.empty();
    }

    /**
     * The provider's explanation of an error answer as one short line, the key masked; empty when there is none. By
     * default the start of the body, as sent.
     */
    protected String explanation(Response response) {
        return HttpErrors.excerpt(response, apiKey, EXPLANATION_CHARS);
    }

    /** {@code ": "} and the {@link #explanation}, to end a message with; or nothing. Reads the body. */
    protected final String detail(Response response) {
        String explanation = explanation(response);
        return explanation.isEmpty() ? "" : ": " + explanation;
    }

    /** The provider's name, as messages give it. */
    protected final String provider() {
        return provider;
    }

    /** The key that explanations must mask. */
    protected final String apiKey() {
        return apiKey;
    }
}
