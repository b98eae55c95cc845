package org.stockticker.adapters.alphavantage;

import feign.Response;
import feign.codec.ErrorDecoder;
import org.stockticker.adapters.http.HttpErrors;
import org.stockticker.application.port.out.ProviderUnavailableException;

/**
 * Turns an error status into the application's exceptions. Alpha Vantage itself answers its errors with HTTP 200
 * (see {@link AlphaVantageAnswer}); statuses come from the servers and proxies in front of it.
 */
final class AlphaVantageErrorDecoder implements ErrorDecoder {

    /** Enough for a proxy's one-line explanation. */
    private static final int EXCERPT_CHARS = 200;

    private final String apiKey;

    AlphaVantageErrorDecoder(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status == 429 || status >= 500) {
            return HttpErrors.retryable(response);
        }
        String excerpt = HttpErrors.excerpt(response, apiKey, EXCERPT_CHARS);
        return new ProviderUnavailableException("provider " + AlphaVantagePriceProvider.NAME
                + " answered with the unexpected HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt), null);
    }
}
