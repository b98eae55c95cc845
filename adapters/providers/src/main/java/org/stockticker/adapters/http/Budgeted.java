package org.stockticker.adapters.http;

import feign.FeignException;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.RetryableException;
import feign.Target;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.feign.FeignDecorator;
import java.lang.reflect.Method;
import java.time.Duration;
import org.stockticker.application.port.out.RateLimitListener;

/**
 * The innermost layer of {@link ResilientFeign}: every attempt of a call waits for its turn in the provider's
 * {@link RequestBudget}. A {@link SpentQuota} the provider's decoders recognise goes to the budget, which waits for
 * the reset once when it comes soon enough (the request is then sent again) and otherwise ends the call with the
 * application's {@link org.stockticker.application.port.out.QuotaSpentException}; so does a 429 whose
 * {@code Retry-After} is longer than the retry layer waits.
 */
record Budgeted(HttpPolicy policy, RequestBudget budget, RateLimitListener rateLimits) implements FeignDecorator {

    @Override
    public CheckedFunction<Object[], Object> decorate(CheckedFunction<Object[], Object> call, Method method,
            MethodHandler handler, Target<?> target) {
        return args -> {
            boolean waited = false;
            while (true) {
                budget.acquire(rateLimits);
                try {
                    return call.apply(args);
                } catch (SpentQuota spent) {
                    budget.spent(spent, !waited);
                } catch (FeignException e) {
                    if (!(e.getCause() instanceof SpentQuota spent)) {
                        holdForRetryAfter(e);
                        throw e;
                    }
                    // Recognised while the answer was decoded, inside Feign's own wrapping.
                    budget.spent(spent, !waited);
                }
                waited = true;
            }
        };
    }

    /**
     * A 429 whose {@code Retry-After} is longer than the retry layer waits: beyond the budget's longest wait it ends
     * the call, else every request of the provider is held until then.
     */
    private void holdForRetryAfter(FeignException e) {
        if (e instanceof RetryableException failure && failure.status() == 429 && failure.retryAfter() != null) {
            // The provider's moment was taken on the system clock, as the retry layer measures its waits.
            long asked = failure.retryAfter() - System.currentTimeMillis();
            if (asked > policy.maxRetryAfter().toMillis()) {
                budget.spent(SpentQuota.after(Duration.ofMillis(asked), "its rate limit (HTTP 429 asking to wait "
                        + ResilientFeign.span(Duration.ofMillis(asked)) + ")"), true);
            }
        }
    }
}
