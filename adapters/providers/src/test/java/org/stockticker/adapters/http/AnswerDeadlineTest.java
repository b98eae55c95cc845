package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import feign.Request;
import feign.RetryableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request that fails before its answer starts fails with a message that names the path and never the query, which
 * holds the key for some providers: Feign's own message would hold the whole URL, and Resilience4j logs it at DEBUG.
 */
class AnswerDeadlineTest {

    private static final String KEY = "KEY_0123456789";
    private static final String URL = "http://127.0.0.1:1/v2/aggs/ticker/AAPL/range/1/day/2024-01-02/2024-01-31"
            + "?adjusted=false&apiKey=" + KEY;

    @ParameterizedTest
    @ValueSource(strings = {"Connection refused", "Read timed out", "Unexpected end of file from server " + URL})
    void a_failed_request_is_retryable_and_names_its_path_without_the_query(String failure) {
        AnswerDeadline client = new AnswerDeadline((request, options) -> {
            throw failure.startsWith("Read") ? new SocketTimeoutException(failure) : new ConnectException(failure);
        }, "massive", Duration.ofMinutes(2));
        Request request = Request.create(Request.HttpMethod.GET, URL, Map.of(), null, null, null);

        RetryableException thrown = catchThrowableOfType(RetryableException.class,
                () -> client.execute(request, new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, true)));

        assertThat(thrown.getMessage()).doesNotContain(KEY).doesNotContain("apiKey")
                .endsWith(" executing GET /v2/aggs/ticker/AAPL/range/1/day/2024-01-02/2024-01-31");
        StringWriter printed = new StringWriter();
        thrown.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).as("the stack trace, causes included").doesNotContain(KEY)
                .contains(failure.startsWith("Read") ? "SocketTimeoutException" : "ConnectException");
        assertThat(thrown.request()).isSameAs(request);
        assertThat(ResilientFeign.describe(thrown)).doesNotContain(KEY);
    }
}
