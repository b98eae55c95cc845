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
import org.stockticker.adapters.http.Redaction;
import org.stockticker.adapters.http.SpentQuota;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Symbol;

/**
 * One answer of Alpha Vantage's {@code /query} endpoint, read whole, and what kind of answer it is.
 *
 * <p>Alpha Vantage sends every error with HTTP 200, as a JSON object with one explaining field instead of the data:
 * {@code "Error Message"} for an invalid call (an unknown symbol, or a missing or invalid key), {@code "Note"} for
 * the call frequency, {@code "Information"} for rate limits, premium-only functions and the demo key. Since
 * nothing in the status tells a rate limit from data, an answer is classified while Feign decodes it, and a rate
 * limit is thrown from there, so that a rate-limit answer never leaves the Feign call as data. A limit of the pace
 * (per second or minute) is thrown as a {@link RetryableException} with status 429: the retry layer of
 * {@link org.stockticker.adapters.http.ResilientFeign} then waits and tries again, as it does for a real 429, and
 * tells the rate-limit listener. The daily limit (the free plan's 25 requests a day) is thrown as a
 * {@link SpentQuota} that resets at the next midnight UTC: Alpha Vantage does not say when its day ends, and
 * midnight UTC is the assumption. Asking again the same day would only be refused, so the request budget waits for
 * midnight when that is soon enough, and otherwise the read ends, to resume the next day.
 */
@JsonDeserialize(using = AlphaVantageAnswer.Reader.class)
record AlphaVantageAnswer(JsonNode body) {

    static final String SERIES = "Time Series (Daily)";
    static final String DATA = "data";
    static final String ERROR_MESSAGE = "Error Message";
    static final String NOTE = "Note";
    static final String INFORMATION = "Information";

    // Words of Alpha Vantage's rate-limit texts: "call frequency is 5 calls per minute", "rate limit is 25
    // requests per day", "spreading out your free API requests more sparingly (1 request per second)".
    private static final List<String> RATE_LIMIT_WORDS = List.of(
            "rate limit", "frequency", "sparingly", "per second", "per minute", "per day");
    private static final List<String> KEY_WORDS = List.of("apikey", "api key");
    // The pace's texts may name the daily limit too ("... more sparingly (1 request per second) ... to lift the free
    // key rate limit (25 requests per day)"), so a text that names a pace is about the pace.
    private static final List<String> PACE_WORDS = List.of("frequency", "sparingly", "per second", "per minute");
    private static final List<String> DAY_WORDS = List.of("per day", "daily");

    /** Enough for Alpha Vantage's explanations, which run to a few sentences. */
    private static final int EXCERPT_CHARS = 300;

    /** What an answer holds: the data, or which of Alpha Vantage's explanations instead. */
    enum Kind {
        /** A daily time series. */
        SERIES,
        /** A symbol's list of corporate actions, splits or dividends, under {@code data}. */
        EVENTS,
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
        if (body.path(SERIES).isObject()) {
            return Kind.SERIES;
        }
        return body.path(DATA).isArray() ? Kind.EVENTS : Kind.UNEXPECTED;
    }

    /**
     * The data of {@code answer} when it is of kind {@code wanted}, else the exception its explanation stands for:
     * an invalid call is an unknown symbol (the adapter's other parameters are fixed and valid), an explanation
     * about the key a rejected key, a premium-only request a provider that will not answer, and anything else a
     * broken answer. Messages name the provider, {@code symbol}, and quote Alpha Vantage's text with
     * {@code apiKey} masked.
     *
     * @param expected what the data is, for the message about an answer without it ("a daily time series")
     */
    static JsonNode data(AlphaVantageAnswer answer, Kind wanted, String expected, Symbol symbol, String apiKey) {
        if (answer == null) {
            throw new BrokenAnswerException(
                    "provider " + AlphaVantagePriceProvider.NAME + " answered nothing for " + symbol);
        }
        Kind kind = answer.kind();
        if (kind == wanted) {
            return wanted == Kind.SERIES ? answer.series() : answer.body().path(DATA);
        }
        if (kind == Kind.INVALID_CALL) {
            throw new UnknownSymbolException(symbol, AlphaVantagePriceProvider.NAME);
        }
        throw answer.refusal(symbol.value(), apiKey).orElseGet(() -> new BrokenAnswerException("provider "
                + AlphaVantagePriceProvider.NAME + " answered JSON without " + expected + " for " + symbol));
    }

    /**
     * What this answer's explanation says about a request for {@code subject} ("IBM", "the active listings"), when
     * it is one that holds for any request: a rejected key, a premium-only request, or a rate limit, which the
     * decoder has already handed to the retry layer. Empty for data and for an invalid call, whose meaning depends
     * on the request.
     */
    Optional<RuntimeException> refusal(String subject, String apiKey) {
        return switch (kind()) {
            case KEY_REFUSED -> Optional.of(new RejectedCredentialsException("provider "
                    + AlphaVantagePriceProvider.NAME + " rejected the API key: " + excerpt(explanation(), apiKey)));
            case PREMIUM_ONLY -> Optional.of(new ProviderUnavailableException("provider "
                    + AlphaVantagePriceProvider.NAME + " refused the request for " + subject + " as premium-only: "
                    + excerpt(explanation(), apiKey), null));
            case RATE_LIMITED -> Optional.of(new ProviderUnavailableException(
                    "provider " + AlphaVantagePriceProvider.NAME + " is rate limited", null));
            case SERIES, EVENTS, INVALID_CALL, UNEXPECTED -> Optional.empty();
        };
    }

    /**
     * Whether this {@link Kind#RATE_LIMITED} answer says the day's requests are spent, rather than the pace
     * exceeded: it speaks of a limit per day, and of no pace.
     */
    boolean spendsTheDay() {
        String text = explanation();
        return mentions(text, DAY_WORDS) && !mentions(text, PACE_WORDS);
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

    /** Alpha Vantage's text as one line, the key and key-like query values masked, cut to a readable length. */
    static String excerpt(String text, String apiKey) {
        // Masking comes before cutting, so that a cut can never leave the start of the key behind.
        String line = Redaction.redact(text, apiKey).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "...";
    }

    private static boolean mentions(String text, List<String> words) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    /**
     * Reads an answer whole and throws a rate limit rather than returning it: to the retry layer for the pace, to
     * the request budget for the day.
     */
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
            if (answer.kind() == Kind.RATE_LIMITED && answer.spendsTheDay()) {
                // The text is left out here too.
                throw SpentQuota.untilTheNextDay("its daily request limit (HTTP 200 with Alpha Vantage's "
                        + (answer.body().has(NOTE) ? NOTE : INFORMATION) + " about it; taken to reset at midnight UTC)");
            }
            if (answer.kind() == Kind.RATE_LIMITED) {
                // The text is left out: the daily-limit text quotes the key.
                throw new RetryableException(429, "HTTP 200 with a rate-limit message", Request.HttpMethod.GET,
                        (Long) null, QUERY);
            }
            return answer;
        }
    }
}
