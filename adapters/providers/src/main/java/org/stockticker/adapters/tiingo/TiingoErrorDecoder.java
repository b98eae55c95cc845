package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.util.Locale;
import java.util.Optional;
import org.stockticker.adapters.http.HttpErrors;
import org.stockticker.adapters.http.Redaction;
import org.stockticker.adapters.http.SpentQuota;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.ProviderErrorDecoder;

/**
 * Turns Tiingo's error statuses, which explain themselves in a JSON {@code detail} field, into the application's
 * exceptions; beyond what every provider's statuses mean, 404 is an unknown ticker, and a 429 that says the hourly
 * (or daily) request allocation is spent is a {@link SpentQuota} that resets when the next clock hour (or day) in UTC
 * starts, as Tiingo's allocation does: asking again before then would only be refused, so the request budget waits
 * for the reset when it is soon enough, and otherwise the read ends. Any other 429 is retried as every provider's is.
 */
final class TiingoErrorDecoder extends ProviderErrorDecoder {

    /** Enough of the body to hold a whole {@code {"detail": ...}} object, so that it can still be parsed. */
    private static final int BODY_CHARS = 1000;
    /** Enough for Tiingo's one-sentence details. */
    private static final int DETAIL_CHARS = 200;

    private static final ObjectMapper MAPPER = ExactJson.mapper();

    TiingoErrorDecoder(String apiKey) {
        super(TiingoPriceProvider.NAME, apiKey);
    }

    /** Every 5xx; a 429 only when it is not about the allocation (see {@link #meaning}). */
    @Override
    protected boolean isRetryable(int status) {
        return status != 429 && super.isRetryable(status);
    }

    @Override
    protected Optional<Exception> meaning(int status, Response response) {
        if (status == 429) {
            return Optional.of(rateLimit(response));
        }
        return status == 404 ? Optional.of(new SymbolNotFound()) : Optional.empty();
    }

    /** A spent allocation, hourly or daily, as Tiingo's {@code detail} names it; else a 429 to retry. */
    private Exception rateLimit(Response response) {
        String detail = explanation(response);
        String words = detail.toLowerCase(Locale.ROOT);
        if (words.contains("allocation") && words.contains("hour")) {
            return SpentQuota.untilTheNextHour("its hourly request allocation (HTTP 429: " + detail + ")");
        }
        if (words.contains("allocation") && (words.contains("daily") || words.contains("day"))) {
            return SpentQuota.untilTheNextDay("its daily request allocation (HTTP 429: " + detail + ")");
        }
        return HttpErrors.retryable(response);
    }

    /** The {@code detail} text, or the body's start when it is not Tiingo's JSON; else empty. */
    @Override
    protected String explanation(Response response) {
        String body = HttpErrors.excerpt(response, apiKey(), BODY_CHARS);
        String text = body;
        try {
            JsonNode detail = MAPPER.readTree(body).path("detail");
            if (detail.isTextual()) {
                // Unescaping the JSON could spell out a key that the excerpt's masking did not recognise.
                text = Redaction.redact(detail.asText(), apiKey()).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            }
        } catch (JsonProcessingException e) {
            // A body that is not JSON (a proxy's page, say) is shown as it came, masked and cut.
        }
        if (text.length() > DETAIL_CHARS) {
            text = text.substring(0, DETAIL_CHARS) + "...";
        }
        return text;
    }

    /**
     * Tiingo does not know the requested ticker. The decoder cannot tell which ticker that was, so the adapter,
     * which can, turns this into {@link org.stockticker.application.port.out.UnknownSymbolException}.
     */
    static final class SymbolNotFound extends RuntimeException {

        SymbolNotFound() {
            super("HTTP 404", null, false, false);
        }
    }
}
