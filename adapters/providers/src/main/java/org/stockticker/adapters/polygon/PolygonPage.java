package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.Set;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;

/**
 * One Polygon answer object read as it arrives, field by field in whatever order they come: the elements of its
 * {@code results} are handed out one at a time, with no tree of the answer in between, and its {@code status} and
 * {@code next_url} are known once it has been read to its end. Aggregates pages, grouped days and the lists of
 * splits, dividends and listings share this shape.
 *
 * <p>Messages name the answer by its subject, what was asked for: a ticker, or the US market on a day.
 */
final class PolygonPage implements AutoCloseable {

    /** {@code DELAYED} is what the free plan's answers say in place of {@code OK}; both carry data. */
    private static final Set<String> DATA_STATUSES = Set.of("OK", "DELAYED");

    private final String provider;
    private final String subject;
    private final String entries;
    private final JsonAnswer answer;
    private final JsonParser parser;
    private boolean inResults;
    private boolean hadResults;
    private boolean ended;
    private String status;
    private String nextUrl;

    private PolygonPage(String provider, String subject, String entries, JsonAnswer answer) {
        this.provider = provider;
        this.subject = subject;
        this.entries = entries;
        this.answer = answer;
        this.parser = answer.parser();
    }

    /**
     * Opens {@code response}, which must hold a JSON object; otherwise closes it and throws
     * {@link BrokenAnswerException}.
     */
    static PolygonPage open(ObjectMapper mapper, Response response, String provider, String subject) {
        return open(mapper, response, provider, subject, "bars");
    }

    /**
     * Opens {@code response}, a page whose {@code results} hold {@code entries} ("splits", as messages name them),
     * which must hold a JSON object; otherwise closes it and throws {@link BrokenAnswerException}.
     */
    static PolygonPage open(ObjectMapper mapper, Response response, String provider, String subject,
            String entries) {
        return new PolygonPage(provider, subject, entries,
                JsonAnswer.open(mapper, response, provider, subject, JsonToken.START_OBJECT, "a page of " + entries));
    }

    /**
     * Moves to the next element of {@code results}: true with the parser on the element's first token, which the
     * caller then reads whole; false once the page has been read to its end.
     *
     * @throws IOException when the answer cannot be read on
     * @throws BrokenAnswerException when the answer is no Polygon page
     */
    boolean nextElement() throws IOException {
        while (!ended) {
            if (inResults) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw JsonAnswer.brokenOff(provider, subject);
                }
                if (token != JsonToken.END_ARRAY) {
                    return true;
                }
                inResults = false;
            } else {
                readField();
            }
        }
        return false;
    }

    /** The parser, on the current element's first token after {@link #nextElement} answered true. */
    JsonParser parser() {
        return parser;
    }

    /** The page that this one names as the next, once this one has been read to its end; null when there is none. */
    String nextUrl() {
        return nextUrl;
    }

    /**
     * Checks, once the page has been read to its end, that it is an answer with data: a page without
     * {@code results} whose status is neither {@code OK} nor {@code DELAYED} is the provider's error.
     *
     * @throws ProviderUnavailableException naming the status, when the page is an error
     */
    void requireData() {
        if (!hadResults && status != null && !DATA_STATUSES.contains(status)) {
            // Only a status word is quoted: anything longer could echo the request, key included.
            String shown = status.matches("[A-Z_]{1,40}") ? status : "an unexpected status";
            throw new ProviderUnavailableException("provider " + provider + " answered " + shown
                    + " without " + entries + " for " + subject, null);
        }
    }

    @Override
    public void close() {
        answer.close();
    }

    /** Reads one field of the page object, or ends the page at its end. */
    private void readField() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            ended = true;
            return;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw JsonAnswer.brokenOff(provider, subject);
        }
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == null) {
            throw JsonAnswer.brokenOff(provider, subject);
        }
        switch (field) {
            case "results" -> {
                if (value == JsonToken.START_ARRAY) {
                    inResults = true;
                    hadResults = true;
                } else if (value != JsonToken.VALUE_NULL) {
                    throw new BrokenAnswerException("provider " + provider
                            + " answered results that are not a list of " + entries + " for " + subject);
                }
            }
            case "next_url" -> nextUrl = value == JsonToken.VALUE_STRING && !parser.getText().isBlank()
                    ? parser.getText() : null;
            case "status" -> status = value == JsonToken.VALUE_STRING ? parser.getText() : null;
            default -> parser.skipChildren();
        }
    }
}
