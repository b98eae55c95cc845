package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void a_retryable_failure_carries_retry_after_seconds_as_an_instant() {
        long before = System.currentTimeMillis();

        RetryableException failure = HttpErrors.retryable(response(429, Map.of("Retry-After", List.of("2")), ""));

        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryAfter()).isBetween(before + 2000, System.currentTimeMillis() + 2000);
    }

    @Test
    void a_retryable_failure_carries_a_retry_after_date() {
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));

        RetryableException failure = HttpErrors.retryable(response(503, Map.of("Retry-After", List.of(date)), ""));

        assertThat(failure.retryAfter()).isEqualTo(at.toEpochMilli());
    }

    @Test
    void a_retryable_failure_names_the_status_and_never_the_url() {
        RetryableException failure = HttpErrors.retryable(response(503, Map.of(), ""));

        assertThat(failure.retryAfter()).isNull();
        assertThat(failure).hasMessage("HTTP 503");
    }

    @Test
    void an_excerpt_masks_the_key_before_cutting_the_text_to_one_short_line() {
        String body = "Key\n" + KEY + " refused;\tsee https://h/x?token=" + KEY + " " + "x".repeat(500);

        String excerpt = HttpErrors.excerpt(response(403, Map.of(), body), KEY, 60);

        assertThat(excerpt).startsWith("Key **** refused; see https://h/x?token=**** xxx").endsWith("...")
                .hasSize(63).doesNotContain(KEY);
    }

    @Test
    void an_excerpt_of_no_body_is_empty() {
        assertThat(HttpErrors.excerpt(response(401, Map.of(), null), KEY, 60)).isEmpty();
    }

    private static Response response(int status, Map<String, Collection<String>> headers, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "https://h/x?token=" + KEY, Map.of(), null,
                StandardCharsets.UTF_8, null);
        Response.Builder response = Response.builder().status(status).request(request).headers(headers);
        if (body != null) {
            response.body(body, StandardCharsets.UTF_8);
        }
        return response.build();
    }
}
