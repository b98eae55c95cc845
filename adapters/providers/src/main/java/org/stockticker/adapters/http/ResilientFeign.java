package org.stockticker.adapters.http;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.InvocationContext;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.ResponseInterceptor;
import feign.RetryableException;
import feign.Retryer;
import feign.Target;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonDecoder;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.feign.FeignDecorator;
import io.github.resilience4j.feign.FeignDecorators;
import io.github.resilience4j.feign.Resilience4jFeign;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * Builds the Feign client of a network price provider, with the project's one retry layer around it.
 *
 * <p>Each call goes through, outermost first: a Retry (exponential backoff with jitter, or the provider's
 * {@code Retry-After} up to {@link HttpPolicy#maxRetryAfter()}), a CircuitBreaker, then the provider's
 * {@link RequestBudget}, where every attempt waits for its turn (the pace, and the hourly and daily budgets). Feign's
 * own retryer is off, so nothing retries twice.
 *
 * <p>A spent quota ends the call with a {@link QuotaSpentException} rather than retries, unless it resets within the
 * budget's longest wait: when the provider's decoder recognises an answer that says its quota is spent (a
 * {@link SpentQuota}, thrown by the error decoder or while the answer is decoded), the budget either waits for the
 * reset, once, and the request is sent again, or gives up at once; and a 429 whose {@code Retry-After} is longer
 * than that wait gives up at once too, while one longer than {@link HttpPolicy#maxRetryAfter()} has the budget hold
 * every request until then.
 *
 * <p>Retried are {@link RetryableException}s, which Feign raises for I/O failures and the provider's
 * {@link ErrorDecoder} raises for statuses worth another try (see {@link HttpErrors#retryable}). Every error status,
 * also for methods returning {@link Response}, goes to that decoder; whatever it returns reaches the caller as is,
 * unless it is retryable. When the retries run out or the circuit is open, the caller gets a
 * {@link ProviderUnavailableException} whose message names the provider and the last failure. No Feign exception
 * reaches the caller, and none is attached as a cause: their messages quote the request URL, query string and key
 * included.
 *
 * <p>A whole answer, body included, must arrive within {@link HttpPolicy#answerDeadline()}: each read of a body past
 * it throws a {@link BrokenAnswerException} (see {@link AnswerDeadline}).
 *
 * <p>Methods returning {@link Response} get the body unread, to be streamed and closed by the caller; other
 * methods are decoded as JSON by {@link ExactJson}, or by the provider's own decoder.
 */
public final class ResilientFeign {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientFeign.class);

    private static final double BACKOFF_MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private ResilientFeign() {
    }

    /**
     * A client of {@code api} at {@code baseUrl}; {@code provider} names it in logs and messages, every request waits
     * for its turn in {@code budget} (shared by every client of the provider), {@code errors} turns every non-2xx
     * answer into an exception, and {@code rateLimits} hears of every wait longer than a second, whether the budget's
     * or a 429's.
     */
    public static <T> T client(Class<T> api, String provider, URI baseUrl, HttpPolicy policy, RequestBudget budget,
            ErrorDecoder errors, RateLimitListener rateLimits) {
        return client(api, provider, baseUrl, policy, budget, errors, rateLimits,
                new JacksonDecoder(ExactJson.mapper()));
    }

    /**
     * A client as {@link #client(Class, String, URI, HttpPolicy, RequestBudget, ErrorDecoder, RateLimitListener)},
     * whose successful answers {@code decoder} reads instead of {@link ExactJson}: for a provider that answers some
     * requests in another format. The decoder runs inside the call, so a {@link RetryableException} it throws is
     * retried, and a {@link SpentQuota} it throws is the budget's to handle.
     */
    public static <T> T client(Class<T> api, String provider, URI baseUrl, HttpPolicy policy, RequestBudget budget,
            ErrorDecoder errors, RateLimitListener rateLimits, Decoder decoder) {
        return Feign.builder()
                // HTTP/1.1 with keep-alive over the JDK's HttpURLConnection: its read timeout bounds every read of an
                // answer, the body's included, so a provider that stalls halfway through an answer cannot hold a
                // read forever; and it sets up TLS only for https. A provider trickling its answer is cut off by the
                // deadline for the whole answer.
                .client(new AnswerDeadline(new Client.Default(null, null), provider, policy.answerDeadline()))
                // A redirect would carry the request elsewhere, possibly without TLS; the key stays where it was sent.
                .options(new Request.Options(policy.connectTimeout(), policy.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .decoder(decoder)
                .errorDecoder(errors)
                .responseInterceptor(new ErrorStatus(errors))
                .requestInterceptor(closeUnlessTls(baseUrl))
                .addCapability(Resilience4jFeign.capability(new Guard(provider, policy,
                        resilience(provider, policy, budget, rateLimits))))
                .target(api, baseUrl.toString());
    }

    /**
     * Plain {@code http} reaches only loopback hosts (see {@code ProviderConfig#baseUrl}): a local stub or proxy,
     * often a simple server that serves one connection at a time and would wait on an idle kept-alive connection
     * while a read-ahead request waits on another. Over loopback a connection costs nothing, so each one closes
     * after its answer; over TLS, to a real provider, connections are kept alive and reused.
     */
    private static RequestInterceptor closeUnlessTls(URI baseUrl) {
        boolean tls = "https".equalsIgnoreCase(baseUrl.getScheme());
        return template -> {
            if (!tls) {
                template.header("Connection", "close");
            }
        };
    }

    private static FeignDecorator resilience(String provider, HttpPolicy policy, RequestBudget budget,
            RateLimitListener rateLimits) {
        Retry retry = Retry.of(provider, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(waits(policy))
                .retryOnException(ResilientFeign::isTransient)
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.warn("provider {}: {}; attempt {} of {} failed, retrying in {}",
                provider, describe(event.getLastThrowable()), event.getNumberOfRetryAttempts(), policy.maxAttempts(),
                span(event.getWaitInterval())));
        retry.getEventPublisher().onRetry(event -> {
            if (event.getLastThrowable() instanceof FeignException failure && failure.status() == 429) {
                rateLimits.rateLimited(Instant.now().plus(event.getWaitInterval()));
            }
        });

        // Only the last calls count, and the circuit opens when all of them failed: two calls in a row that used
        // up every attempt mean the provider is down, and further calls would only add to its load.
        int window = 2 * policy.maxAttempts();
        CircuitBreaker breaker = CircuitBreaker.of(provider, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .failureRateThreshold(100)
                .recordException(ResilientFeign::isTransient)
                .waitDurationInOpenState(policy.maxBackoff())
                .build());

        // FeignDecorators wraps each decorator around the ones declared before it, so the last one runs first.
        FeignDecorator retried = FeignDecorators.builder()
                .withCircuitBreaker(breaker)
                .withRetry(retry)
                .build();
        FeignDecorator budgeted = new Budgeted(policy, budget, rateLimits);
        return (call, method, handler, target) ->
                retried.decorate(budgeted.decorate(call, method, handler, target), method, handler, target);
    }

    private static IntervalBiFunction<Object> waits(HttpPolicy policy) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), BACKOFF_MULTIPLIER, JITTER, policy.maxBackoff());
        return (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof RetryableException failure
                    && failure.retryAfter() != null) {
                long asked = failure.retryAfter() - System.currentTimeMillis();
                if (asked > 0) {
                    return Math.min(asked, policy.maxRetryAfter().toMillis());
                }
            }
            return backoff.apply(attempt);
        };
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof RetryableException || failure instanceof IOException;
    }

    /** The failure in a few words: the status, or what went wrong with the connection; never the query string. */
    static String describe(Throwable failure) {
        Request request = failure instanceof FeignException feign && feign.hasRequest() ? feign.request() : null;
        String target = request == null ? "" : " for " + request.httpMethod() + " " + path(request);
        if (failure instanceof FeignException feign && feign.status() > 0) {
            return "HTTP " + feign.status() + target;
        }
        String host = request == null ? "the provider" : host(request);
        Throwable cause = failure instanceof FeignException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException || isConnectTimeout(cause)) {
            return "could not reach " + host;
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer from " + host + " in time" + target;
        }
        return "I/O error (" + cause.getClass().getSimpleName() + ") with " + host + target;
    }

    /** HttpURLConnection tells a connect timeout from a read timeout by the message alone. */
    private static boolean isConnectTimeout(Throwable cause) {
        return cause instanceof SocketTimeoutException && cause.getMessage() != null
                && cause.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    /**
     * A duration in a few characters: "750 ms", "2 s", "1.5 s"; from a minute on, in whole minutes rounded up,
     * "2 min", "2 h", "3 h 5 min".
     */
    static String span(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < Duration.ofSeconds(59).toMillis()) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        // Rounded up: a wait is never shown shorter than it is.
        long minutes = (millis + Duration.ofMinutes(1).toMillis() - 1) / Duration.ofMinutes(1).toMillis();
        if (minutes < 120) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    static String path(Request request) {
        try {
            return URI.create(request.url()).getRawPath();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String host(Request request) {
        try {
            URI uri = URI.create(request.url());
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "the provider";
        }
    }

    /** Sends every error status to the provider's decoder, which Feign skips for methods returning a Response. */
    private record ErrorStatus(ErrorDecoder errors) implements ResponseInterceptor {

        @Override
        public Object intercept(InvocationContext context, Chain chain) throws Exception {
            Response response = context.response();
            if (response.status() >= 200 && response.status() < 300) {
                return chain.next(context);
            }
            try (response) {
                throw errors.decode(methodKey(response), response);
            }
        }

        private static String methodKey(Response response) {
            Request request = response.request();
            if (request == null || request.requestTemplate() == null
                    || request.requestTemplate().methodMetadata() == null) {
                return "";
            }
            return request.requestTemplate().methodMetadata().configKey();
        }
    }

    /** Turns what the resilience layers give up with into the application's exception, with a safe message. */
    private record Guard(String provider, HttpPolicy policy, FeignDecorator resilience) implements FeignDecorator {

        @Override
        public CheckedFunction<Object[], Object> decorate(CheckedFunction<Object[], Object> call, Method method,
                MethodHandler handler, Target<?> target) {
            CheckedFunction<Object[], Object> guarded = resilience.decorate(call, method, handler, target);
            return args -> {
                try {
                    return guarded.apply(args);
                } catch (RetryableException | IOException e) {
                    // Only a retryable failure escapes the Retry, and only once every attempt was used.
                    throw new ProviderUnavailableException("provider " + provider + " kept failing: " + describe(e)
                            + " after " + policy.maxAttempts() + (policy.maxAttempts() == 1 ? " attempt" : " attempts"),
                            null);
                } catch (CallNotPermittedException e) {
                    throw new ProviderUnavailableException("provider " + provider
                            + " kept failing, so calls to it are paused for up to " + span(policy.maxBackoff()), e);
                } catch (FeignException e) {
                    if (e.getCause() instanceof BrokenAnswerException broken) {
                        // An answer decoded inside the call that broke off with its own message, such as a deadline.
                        throw broken;
                    }
                    throw new BrokenAnswerException("provider " + provider
                            + " gave an answer that could not be read (" + describe(e) + ")");
                }
            };
        }
    }
}
