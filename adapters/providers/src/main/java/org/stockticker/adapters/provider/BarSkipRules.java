package org.stockticker.adapters.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * The rules that skip a bar a provider sent but that cannot be a {@link DailyBar}, so that one bad bar does not end a
 * whole answer: each skip is one WARN naming the symbol, the date where it is known, and the reason; past the first
 * {@value SkipLog#LOGGED_ONE_BY_ONE} of an answer, skips are counted and summed up in one line by {@link #finish}.
 * An instance serves one answer. A bar outside the
 * window is dropped without a word, since providers may send more days than asked for.
 *
 * <p>A provider's reader finds the date in its own wire format, then hands the rest to {@link #bar}: a missing close
 * ({@link #close}), a volume that is no whole number of shares ({@link #wholeShares}), a reason of the provider's own
 * ({@link #refused}), a price out of the limits below ({@link #price}, applied to every price by {@link #dailyBar})
 * or a value the domain refuses all skip the bar with their reason.
 *
 * <p>Limits: the domain's for a price ({@link DailyBar#MAX_PRICE_DIGITS} significant digits, {@link
 * DailyBar#MAX_PRICE_SCALE} after the point, below {@link DailyBar#MAX_PRICE}); a volume fits a {@code long}. They are
 * checked before the domain sees a value, from its precision and scale alone, so that no absurd number is ever
 * written out or rounded.
 */
public final class BarSkipRules {

    /** The domain's limits for a price ({@link DailyBar#MAX_PRICE_DIGITS} and the others), checked here first. */
    private static final int MAX_PRICE_DIGITS = DailyBar.MAX_PRICE_DIGITS;

    private static final int MAX_PRICE_SCALE = DailyBar.MAX_PRICE_SCALE;

    private static final int MAX_PRICE_INTEGER_DIGITS = DailyBar.MAX_PRICE_INTEGER_DIGITS;

    /** Digits before the point of the largest {@code long}. */
    private static final int LONG_INTEGER_DIGITS = 19;

    /** How much of an out-of-range number a message quotes. */
    private static final int SHOWN_CHARS = 20;

    private static final String WRONG_KIND = "with a value of the wrong kind";
    private static final String OUT_OF_RANGE = "out of range";

    private final String provider;
    private final SkipLog log;

    /**
     * Rules for the bars of one answer of {@code provider}, whose skips are reported to {@code log}: the first few
     * one by one, the rest summed up by {@link #finish} (see {@link SkipLog}).
     */
    public BarSkipRules(String provider, Logger log) {
        this.provider = provider;
        this.log = new SkipLog(log);
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
            String kind = e instanceof Refused refused ? refused.kind : "refused by the domain";
            log.skip(kind, "Skipping the bar of {} on {} from provider {}: {}", symbol, date, provider,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Skips the bar of the day {@code date} for {@code reason}, a field holding a value of the wrong kind found while
     * reading it; without a word when the day is outside {@code window}.
     */
    public Optional<DailyBar> skip(Symbol symbol, LocalDate date, DateWindow window, String reason) {
        return bar(symbol, date, window, () -> {
            throw new Refused(WRONG_KIND, reason);
        });
    }

    /** Skips a bar whose day is not known, such as one without a readable date, for {@code reason}. */
    public <T> Optional<T> skipUndated(Symbol symbol, String reason) {
        log.skip("without a readable date", "Skipping a bar of {} from provider {}: {}", symbol, provider, reason);
        return Optional.empty();
    }

    /** Skips an element of an answer's list of bars that is not a JSON object at all. */
    public <T> Optional<T> skipNonObject(Symbol symbol) {
        return skipNonObject(symbol.value());
    }

    /**
     * Skips an element of the answer about {@code subject} (what was asked for, such as a whole market's day) that
     * is not a JSON object at all.
     */
    public <T> Optional<T> skipNonObject(String subject) {
        log.skip("not an object", "Skipping an element of the {} answer for {}: it is not an object", provider,
                subject);
        return Optional.empty();
    }

    /**
     * Ends the answer of {@code symbol}: one WARN line sums up the skips that had no line of their own, if any.
     * Readers call it when the answer's stream closes.
     */
    public void finish(Symbol symbol) {
        finish(symbol.value());
    }

    /** Ends the answer about {@code subject}, as {@link #finish(Symbol)} ends a symbol's. */
    public void finish(String subject) {
        log.finish("bars of " + subject + " from provider " + provider);
    }

    /**
     * The close of a bar, which every bar must have.
     *
     * @throws IllegalArgumentException "it has no close" when it is missing
     */
    public static BigDecimal close(BigDecimal close) {
        if (close == null) {
            throw new Refused("without a close", "it has no close");
        }
        return close;
    }

    /**
     * The bar of these values, once every price was found within the limits ({@link #price}) and the close present
     * ({@link #close}); the domain then checks the rest.
     *
     * @throws IllegalArgumentException saying why the values cannot be a bar
     */
    public static DailyBar dailyBar(Symbol symbol, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
            BigDecimal close, Long volume, BigDecimal adjustedClose) {
        return new DailyBar(symbol, date, price("open", open), price("high", high), price("low", low),
                price("close", close(close)), volume, price("adjusted close", adjustedClose));
    }

    /**
     * The price {@code field}, or null when there is none, provided that it is within the domain's limits: at most
     * {@link DailyBar#MAX_PRICE_DIGITS} significant digits, {@link DailyBar#MAX_PRICE_SCALE} after the point, and below
     * {@link DailyBar#MAX_PRICE} in magnitude. Checked from the number's precision and scale alone, so an absurd exponent ({@code 1e999999999})
     * costs nothing; the domain, which would write a refused price out in full, never sees it.
     *
     * @throws IllegalArgumentException "{@code field} price X out of range", X shortened
     */
    public static BigDecimal price(String field, BigDecimal price) {
        if (price == null) {
            return null;
        }
        long integerDigits = (long) price.precision() - price.scale();
        if (price.precision() > MAX_PRICE_DIGITS || price.scale() > MAX_PRICE_SCALE
                || integerDigits > MAX_PRICE_INTEGER_DIGITS) {
            throw new Refused(OUT_OF_RANGE, field + " price " + shown(price) + " out of range");
        }
        return price;
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
            boolean beyondLong = (long) volume.precision() - volume.scale() > LONG_INTEGER_DIGITS;
            throw new Refused(beyondLong ? OUT_OF_RANGE : "with a fractional volume",
                    "volume " + shown(volume) + " is not a whole number of shares");
        }
    }

    /**
     * The volume rounded to the nearest whole number of shares, halves up, for a provider that sends fractions;
     * null when there is none.
     *
     * @throws IllegalArgumentException naming the volume when it does not fit a {@code long} or has more than
     *     {@value #MAX_PRICE_SCALE} digits after the point
     */
    public static Long roundedShares(BigDecimal volume) {
        if (volume == null) {
            return null;
        }
        // Rounding a number with an absurd exponent would write it out first; its precision and scale say enough.
        if ((long) volume.precision() - volume.scale() > LONG_INTEGER_DIGITS || volume.scale() > MAX_PRICE_SCALE) {
            throw new Refused(OUT_OF_RANGE, "volume " + shown(volume) + " out of range");
        }
        try {
            return volume.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refused(OUT_OF_RANGE, "volume " + shown(volume) + " out of range");
        }
    }

    /**
     * A number as a message may quote it: written out when that is short, else in scientific notation cut to a few
     * characters, so that {@code 1e999999999} is never written out digit by digit.
     */
    static String shown(BigDecimal value) {
        boolean shortPlain = value.precision() <= 2 * MAX_PRICE_DIGITS && value.scale() >= -2 * MAX_PRICE_DIGITS
                && value.scale() <= 2 * MAX_PRICE_SCALE;
        String text = shortPlain ? value.toPlainString() : value.toString();
        if (text.length() <= 2 * SHOWN_CHARS) {
            return text;
        }
        return text.substring(0, SHOWN_CHARS) + "... (" + value.precision() + " digits, scale " + value.scale() + ")";
    }

    /** The refusal of a bar for a provider's own {@code reason}, to throw from a {@link Builder}. */
    public static IllegalArgumentException refused(String reason) {
        return new Refused("for other reasons", reason);
    }

    /**
     * The refusal of a bar one of whose values is of the wrong kind (a price that is no number), {@code reason}
     * naming the field, to throw from a {@link Builder}.
     */
    public static IllegalArgumentException wrongKind(String reason) {
        return new Refused(WRONG_KIND, reason);
    }

    /** Makes a bar of the values a provider sent, or refuses them with an {@link IllegalArgumentException}. */
    @FunctionalInterface
    public interface Builder {

        DailyBar build();
    }

    /** A bar refused for a reason of the rules; cheap, since a malformed answer may have many. */
    private static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** What a summary counts it as, such as "out of range". */
        private final String kind;

        Refused(String kind, String reason) {
            super(reason);
            this.kind = kind;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
