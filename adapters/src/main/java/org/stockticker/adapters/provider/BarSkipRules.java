package org.stockticker.adapters.provider;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The rules that skip a bar a provider sent but that cannot be a {@link DailyBar}, so that one bad bar does not end a
 * whole answer: each skip is one WARN naming the symbol, the date where it is known, and the reason. A bar outside the
 * window is dropped without a word, since providers may send more days than asked for.
 *
 * <p>A provider's reader finds the date in its own wire format, then hands the rest to {@link #bar}: a missing close
 * ({@link #close}), a volume that is no whole number of shares ({@link #wholeShares}), a reason of the provider's own
 * ({@link #refused}) or a value the domain refuses all skip the bar with their reason.
 */
public final class BarSkipRules {

    private final String provider;
    private final Logger log;

    /** Rules for the bars of {@code provider}, whose skips are reported to {@code log}. */
    public BarSkipRules(String provider, Logger log) {
        this.provider = provider;
        this.log = log;
    }

    /**
     * The bar that {@code build} makes of the day {@code date}: empty without a word when the day is outside
     * {@code window}, empty with a WARN when {@code build} refuses it with an {@link IllegalArgumentException}, whose
     * message is the reason (the domain's own, such as "high 1.00 is below low 2.00", or one of the rules here).
     */
    public Optional<DailyBar> bar(Symbol symbol, LocalDate date, DateWindow window, Builder build) {
        if (!window.contains(date)) {
            return Optional.empty();
        }
        try {
            return Optional.of(build.build());
        } catch (IllegalArgumentException e) {
            log.warn("Skipping the bar of {} on {} from provider {}: {}", symbol, date, provider, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Skips the bar of the day {@code date} for {@code reason}, such as a field of the wrong kind found while reading
     * it; without a word when the day is outside {@code window}.
     */
    public Optional<DailyBar> skip(Symbol symbol, LocalDate date, DateWindow window, String reason) {
        return bar(symbol, date, window, () -> {
            throw refused(reason);
        });
    }

    /** Skips a bar whose day is not known, such as one without a readable date, for {@code reason}. */
    public <T> Optional<T> skipUndated(Symbol symbol, String reason) {
        log.warn("Skipping a bar of {} from provider {}: {}", symbol, provider, reason);
        return Optional.empty();
    }

    /** Skips an element of an answer's list of bars that is not a JSON object at all. */
    public <T> Optional<T> skipNonObject(Symbol symbol) {
        log.warn("Skipping an element of the {} answer for {}: it is not an object", provider, symbol);
        return Optional.empty();
    }

    /**
     * The close of a bar, which every bar must have.
     *
     * @throws IllegalArgumentException "it has no close" when it is missing
     */
    public static BigDecimal close(BigDecimal close) {
        if (close == null) {
            throw refused("it has no close");
        }
        return close;
    }

    /**
     * The volume as a whole number of shares; null when there is none.
     *
     * @throws IllegalArgumentException naming the volume when it has a fraction or does not fit a {@code long}
     */
    public static Long wholeShares(BigDecimal volume) {
        if (volume == null) {
            return null;
        }
        try {
            return volume.longValueExact();
        } catch (ArithmeticException e) {
            throw refused("volume " + volume.toPlainString() + " is not a whole number of shares");
        }
    }

    /** The refusal of a bar for a provider's own {@code reason}, to throw from a {@link Builder}. */
    public static IllegalArgumentException refused(String reason) {
        return new Refused(reason);
    }

    /** Makes a bar of the values a provider sent, or refuses them with an {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Builder {

        DailyBar build();
    }

    /** A bar refused for a reason of the rules; cheap, since a malformed answer may have many. */
    private static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
