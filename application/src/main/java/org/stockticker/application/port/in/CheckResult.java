package org.stockticker.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stockticker.domain.Symbol;

/**
 * What a check found: success with what was proven, a failure the check could word itself (unknown tickers), or a
 * failure raised while checking one ticker, which the caller words from the exception.
 *
 * @param succeeded whether the provider accepted the key and knows every ticker checked
 * @param message what was proven, or what is wrong; empty where {@code failure} is to be worded instead
 * @param failure the exception raised while checking {@code symbol}, if that ended the check
 * @param symbol the ticker being checked when {@code failure} was raised
 * @param warnings what the user should know whether or not the check succeeded, such as a sync that needs more
 *     requests than the provider's daily budget allows
 */
public record CheckResult(boolean succeeded, String message, Optional<Throwable> failure, Symbol symbol,
        List<String> warnings) {

    public CheckResult {
        Objects.requireNonNull(message, "message is required");
        Objects.requireNonNull(failure, "failure is required");
        warnings = List.copyOf(warnings);
    }

    public static CheckResult passed(String message) {
        return new CheckResult(true, message, Optional.empty(), null, List.of());
    }

    public static CheckResult failed(String message) {
        return new CheckResult(false, message, Optional.empty(), null, List.of());
    }

    /** Checking {@code symbol} raised {@code failure}. */
    public static CheckResult failedWith(Symbol symbol, Throwable failure) {
        return new CheckResult(false, "", Optional.of(failure), symbol, List.of());
    }

    /** This result, with {@code warnings} to tell besides it. */
    public CheckResult withWarnings(List<String> warnings) {
        return new CheckResult(succeeded, message, failure, symbol, warnings);
    }
}
