package org.stockticker.adapters.http;

import feign.Response;
import feign.RetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * Building blocks for a provider's {@link feign.codec.ErrorDecoder}: an exception that the retry layer will retry,
 * and a short, secret-free excerpt of an error body to show a person.
 */
public final class HttpErrors {

    /** Enough of an error body to hold any provider's explanation, and no more. */
    private static final int BODY_BYTES_READ = 4096;

    private HttpErrors() {
    }

    /**
     * An exception that {@link ResilientFeign} retries, carrying the provider's {@code Retry-After} when it sent
     * one. Its message is just the status: Feign's own messages quote the full URL, query and key included.
     */
    public static RetryableException retryable(Response response) {
        return new RetryableException(response.status(), "HTTP " + response.status(),
                response.request().httpMethod(), retryAfter(response), response.request());
    }

    /**
     * The start of the response body as one line of text, with {@code secret} and key-like query values masked,
     * cut to {@code maxChars}; empty when there is no body.
     */
    public static String excerpt(Response response, String secret, int maxChars) {
        if (response.body() == null) {
            return "";
        }
        String text;
        try (InputStream body = response.body().asInputStream()) {
            text = new String(body.readNBytes(BODY_BYTES_READ), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        // Masking comes before cutting, so that a cut can never leave the start of a secret behind.
        String line = Redaction.redact(text, secret).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= maxChars ? line : line.substring(0, maxChars) + "...";
    }

    /** The moment, in epoch milliseconds, before which the provider asked not to be called again; or null. */
    private static Long retryAfter(Response response) {
        Collection<String> values = response.headers().get("Retry-After");
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.iterator().next().strip();
        // The retry layer measures the wait against the same wall clock, so the system clock is the right one here.
        long now = System.currentTimeMillis();
        if (value.matches("\\d{1,9}")) {
            return now + Long.parseLong(value) * 1000;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
