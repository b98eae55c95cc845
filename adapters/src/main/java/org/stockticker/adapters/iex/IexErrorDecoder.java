package org.stockticker.adapters.iex;

import feign.Response;
import feign.codec.ErrorDecoder;
import org.stockticker.adapters.http.HttpErrors;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;

/** Turns IEX's error statuses, which come with plain-text explanations, into the application's exceptions. */
final class IexErrorDecoder implements ErrorDecoder {

    /** Enough for IEX's one-sentence explanations. */
    private static final int EXCERPT_CHARS = 200;

    private final String apiKey;

    IexErrorDecoder(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status == 429 || status >= 500) {
            return HttpErrors.retryable(response);
        }
        return switch (status) {
            case 401, 402, 403 -> new RejectedCredentialsException(
                    "provider " + IexPriceProvider.NAME + " rejected the API key (HTTP " + status + ")" + detail(response));
            case 404 -> new SymbolNotFound();
            case 400 -> new IllegalStateException("provider " + IexPriceProvider.NAME
                    + " refused the request as malformed (HTTP 400)" + detail(response));
            default -> new ProviderUnavailableException("provider " + IexPriceProvider.NAME
                    + " answered with the unexpected HTTP " + status + detail(response), null);
        };
    }

    private String detail(Response response) {
        String excerpt = HttpErrors.excerpt(response, apiKey, EXCERPT_CHARS);
        return excerpt.isEmpty() ? "" : ": " + excerpt;
    }

    /**
     * IEX does not know the requested symbol. The decoder cannot tell which symbol that was, so the adapter, which
     * can, turns this into {@link org.stockticker.application.port.out.UnknownSymbolException}.
     */
    static final class SymbolNotFound extends RuntimeException {

        SymbolNotFound() {
            super("HTTP 404", null, false, false);
        }
    }
}
