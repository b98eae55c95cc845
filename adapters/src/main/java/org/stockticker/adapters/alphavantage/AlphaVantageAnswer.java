package org.stockticker.adapters.alphavantage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import feign.Request;
import feign.RetryableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One answer of Alpha Vantage's {@code /query} endpoint, read whole, and what kind of answer it is.
 *
 * <p>Alpha Vantage sends every error with HTTP 200, as a JSON object with one explaining field instead of the data:
 * {@code "Error Message"} for an invalid call (an unknown symbol, or a missing or invalid key), {@code "Note"} for
 * the call frequency, {@code "Information"} for rate limits, premium-only functions and the demo key. Since
 * nothing in the status tells a rate limit from data, an answer is classified while Feign decodes it, and a rate
 * limit is thrown from there as a {@link RetryableException} with status 429: the retry layer of
 * {@link org.stockticker.adapters.http.ResilientFeign} then waits and tries again, as it does for a real 429, and
 * tells the rate-limit listener. A rate-limit answer therefore never leaves the Feign call as data.
 */
@JsonDeserialize(using = AlphaVantageAnswer.Reader.class)
record AlphaVantageAnswer(JsonNode body) {

    static final String SERIES = "Time Series (Daily)";
    static final String ERROR_MESSAGE = "Error Message";
    static final String NOTE = "Note";
    static final String INFORMATION = "Information";

    // Words of Alpha Vantage's rate-limit texts: "call frequency is 5 calls per minute", "rate limit is 25
    // requests per day", "spreading out your free API requests more sparingly (1 request per second)".
    private static final List<String> RATE_LIMIT_WORDS = List.of(
            "rate limit", "frequency", "sparingly", "per second", "per minute", "per day");
    private static final List<String> KEY_WORDS = List.of("apikey", "api key");

    /** What an answer holds: the data, or which of Alpha Vantage's explanations instead. */
    enum Kind {
        /** A daily time series. */
        SERIES,
        /** A rate limit, per second, minute or day; worth waiting for. */
        RATE_LIMITED,
        /** A function or parameter value that only paid plans may use. */
        PREMIUM_ONLY,
        /** The key is missing, invalid, or the demo key used beyond its demo symbols. */
        KEY_REFUSED,
        /** An invalid call: with the adapter's fixed parameters, an unknown symbol. */
        INVALID_CALL,
        /** Neither data nor an explanation Alpha Vantage is known to send. */
        UNEXPECTED
    }

    /**
     * The kind of this answer. The daily-limit text also offers the premium plans and quotes the key, so a text
     * is a rate limit first whenever it speaks of one; an {@code Information} that says none of the known things
     * is taken for a rate limit too, the use Alpha Vantage mostly puts that field to.
     */
    Kind kind() {
        Optional<String> error = text(ERROR_MESSAGE);
        if (error.isPresent()) {
            return mentions(error.get(), KEY_WORDS) ? Kind.KEY_REFUSED : Kind.INVALID_CALL;
        }
        if (body.has(NOTE)) {
            return Kind.RATE_LIMITED;
        }
        Optional<String> information = text(INFORMATION);
        if (information.isPresent()) {
            String words = information.get();
            if (mentions(words, RATE_LIMIT_WORDS)) {
                return Kind.RATE_LIMITED;
            }
            if (mentions(words, List.of("premium"))) {
                return Kind.PREMIUM_ONLY;
            }
            return mentions(words, KEY_WORDS) ? Kind.KEY_REFUSED : Kind.RATE_LIMITED;
        }
        return body.path(SERIES).isObject() ? Kind.SERIES : Kind.UNEXPECTED;
    }

    /** The explanation Alpha Vantage sent instead of data, as sent; empty when there is none. */
    String explanation() {
        return text(ERROR_MESSAGE).or(() -> text(INFORMATION)).or(() -> text(NOTE)).orElse("");
    }

    /** The daily bars keyed by date, newest first as sent; only meaningful for {@link Kind#SERIES}. */
    JsonNode series() {
        return body.path(SERIES);
    }

    private Optional<String> text(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static boolean mentions(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    /** Reads an answer whole and throws a rate limit to the retry layer rather than returning it. */
    static final class Reader extends StdDeserializer<AlphaVantageAnswer> {

        // Feign's exceptions must name a request, and a decoder is not told which one it decodes. This stand-in
        // names the endpoint alone, so messages built from it can never carry the key of the real query.
        private static final Request QUERY = Request.create(Request.HttpMethod.GET, "/query",
                Collections.<String, Collection<String>>emptyMap(), null, StandardCharsets.UTF_8, null);

        Reader() {
            super(AlphaVantageAnswer.class);
        }

        @Override
        public AlphaVantageAnswer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            AlphaVantageAnswer answer = new AlphaVantageAnswer(context.readTree(parser));
            if (answer.kind() == Kind.RATE_LIMITED) {
                // The text is left out: the daily-limit text quotes the key.
                throw new RetryableException(429, "HTTP 200 with a rate-limit message", Request.HttpMethod.GET,
                        (Long) null, QUERY);
            }
            return answer;
        }
    }
}
