package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.util.Optional;
import org.stockticker.adapters.http.HttpErrors;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.provider.ProviderErrorDecoder;

/**
 * Turns Polygon's error statuses into the application's exceptions. Polygon explains its errors in JSON
 * ({@code {"status":"ERROR","error":"Unknown API Key"}} or {@code {"status":"NOT_AUTHORIZED","message":"..."}}):
 * the explanation alone is shown, with the key masked. Beyond what every provider's statuses mean, 499 is retried
 * and 404 is left to the adapter, which knows whether it means an unknown ticker.
 */
final class PolygonErrorDecoder extends ProviderErrorDecoder {

    /** Polygon's explanations are one or two sentences. */
    private static final int EXPLANATION_CHARS = 200;
    /** All of what {@link HttpErrors#excerpt} reads, so that a JSON body arrives whole and can be parsed. */
    private static final int BODY_CHARS = 4096;

    private static final ObjectMapper JSON = ExactJson.mapper();

    PolygonErrorDecoder(String provider, String apiKey) {
        super(provider, apiKey);
    }

    // 499 is the status Polygon's gateway gives a request it dropped; its official clients retry it with 429 and 5xx.
    @Override
    protected boolean isRetryable(int status) {
        return status == 499 || super.isRetryable(status);
    }

    @Override
    protected Optional<Exception> meaning(int status, Response response) {
        return status == 404 ? Optional.of(new NotFound(explain(response))) : Optional.empty();
    }

    @Override
    protected String explanation(Response response) {
        return explain(response).text();
    }

    /** The {@code error} or {@code message} text of a JSON body, else the start of the body; the key masked. */
    private Explanation explain(Response response) {
        // The excerpt is masked before it is parsed, so no part of the key can survive in what is kept.
        String body = HttpErrors.excerpt(response, apiKey(), BODY_CHARS);
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                String text = firstText(json, "error", "message");
                return new Explanation(json.path("status").asText(""), cut(text == null ? "" : text));
            }
        } catch (JsonProcessingException e) {
            // Not JSON (a proxy's page, say): the body's start is the best explanation there is.
        }
        return new Explanation("", cut(body));
    }

    private static String firstText(JsonNode json, String... fields) {
        for (String field : fields) {
            if (json.path(field).isTextual() && !json.path(field).asText().isBlank()) {
                return json.path(field).asText();
            }
        }
        return null;
    }

    private static String cut(String text) {
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= EXPLANATION_CHARS ? line : line.substring(0, EXPLANATION_CHARS) + "...";
    }

    /** What Polygon said about an error: its {@code status} word and its text, both possibly empty. */
    record Explanation(String status, String text) {

        /** The text as the end of a message, or nothing. */
        String suffix() {
            return text.isEmpty() ? "" : ": " + text;
        }
    }

    /**
     * A 404. Only the adapter knows whether that means an unknown ticker (the reference endpoint's
     * {@code NOT_FOUND}) or a wrong {@code base_url}, so it decides what to make of it.
     */
    static final class NotFound extends RuntimeException {

        private final transient Explanation explanation;

        NotFound(Explanation explanation) {
            super("HTTP 404", null, false, false);
            this.explanation = explanation;
        }

        Explanation explanation() {
            return explanation;
        }
    }
}
