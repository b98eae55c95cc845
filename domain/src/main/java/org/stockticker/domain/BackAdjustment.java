package org.stockticker.domain;

import static java.math.BigDecimal.ONE;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.stockticker.domain.AdjustedSeries.SkippedDividend;

/**
 * Back-adjusts one symbol's as-traded daily bars for its splits and, if asked, its cash dividends, from the split
 * and dividend records alone, whichever provider sent them: the adjustment CRSP, Yahoo, Tiingo and Alpha Vantage make.
 *
 * <p>For a bar on day {@code t}:
 * <pre>
 * S(t) = product, over every split with execution_date &gt; t, of (split_from / split_to)
 * V(t) = product, over every dividend with ex_dividend_date &gt; t, of (1 - D / C_prev)
 * F(t) = S(t)           for {@link Adjustment#SPLITS}
 * F(t) = S(t) * V(t)    for {@link Adjustment#SPLITS_AND_DIVIDENDS}
 *
 * adjusted open, high, low, close = as traded * F(t)
 * adjusted volume                 = as traded / S(t)
 * </pre>
 * where {@code C_prev} is the as-traded close of the last bar before the dividend's ex-dividend date, and {@code D} its
 * cash amount in {@code C_prev}'s share basis: {@code cash_amount} times {@code split_to / split_from} of each split
 * executed after {@code C_prev}'s day and on or before the ex-dividend date (normally none; a 4-for-1 split on the
 * ex-dividend date makes a declared 0.205 worth 0.82 a share before it). Dividends change prices, never volume. Two
 * dividends on one ex-dividend date (a special beside a regular one) each bring their own term, both measured against
 * the same {@code C_prev}: {@code (1 - D1 / C)(1 - D2 / C)}, which differs from {@code 1 - (D1 + D2) / C} by
 * {@code D1 D2 / C^2}. Each adjusted bar's {@code adjustedClose} is its adjusted close, replacing the provider's.
 *
 * <p>Rounding: factors are computed in {@link MathContext#DECIMAL128} (34 significant digits), volume factors from
 * the exact split ratios. An adjusted price is the exact product of the as-traded price and {@code F(t)}, rounded once,
 * half to even, to 16 significant digits ({@link MathContext#DECIMAL64}), or to {@link DailyBar#MAX_PRICE_SCALE}
 * (20) decimals where 16 digits would need more. Sixteen digits keep every digit an as-traded price has (exchanges
 * quote eight or so) with a relative error below 1e-15, far under any tick, so adjusted / as traded gives back
 * {@code F(t)} to 15 digits; a fixed number of decimals would instead wear away a penny stock's digits after decades of
 * splits. Prices with no event after them keep their scale ("181.9900" stays "181.9900"). An adjusted volume is
 * rounded to a whole number, half to even, from the exact quotient: a 3-for-2 split makes 1,001 shares 1,501.5 and so
 * 1,502.
 *
 * <p>Edges, decided:
 * <ul>
 *   <li>The series is as of the latest event passed in: an event after the last bar still adjusts every bar (its
 *       dividend measured against the last close), as a provider's history read on that day would be. For a series as
 *       of an earlier day, pass only the events up to that day.</li>
 *   <li>A split on or before the first bar's day adjusts no bar. A split or dividend on a day without a bar (a
 *       weekend) adjusts the bars before that day.</li>
 *   <li>A dividend that cannot be applied is left out and reported in {@link AdjustedSeries#skippedDividends()}, never
 *       thrown: one whose ex-dividend date is on or before the first bar's day (no {@code C_prev}), and one whose
 *       {@code D} is at least {@code C_prev} (its term would be zero or negative). Under {@link Adjustment#SPLITS}
 *       dividends are not part of the adjustment, so none is reported.</li>
 *   <li>Dividends of every distribution type apply, their cash amount taken in the prices' currency.</li>
 *   <li>Bars must ascend by date, one a day; splits and dividends may come in any order. Bars, splits and dividends
 *       must all be of one symbol: another symbol's is refused with {@link IllegalArgumentException}, since dropping
 *       it quietly would hide a caller that mixed two symbols' streams up.</li>
 *   <li>An adjusted price or volume a {@link DailyBar} cannot hold (a trillion or more, zero at 20 decimals, a volume
 *       beyond a {@code long}) is refused with {@link IllegalArgumentException} naming the day.</li>
 * </ul>
 *
 * <p>Cost: one backward pass over the bars that meets each event once: O(bars + events) when the events come in date
 * order, as the streams give them, plus their sorting otherwise.
 */
public final class BackAdjustment {

    private static final MathContext FACTOR = MathContext.DECIMAL128;
    private static final MathContext PRICE = MathContext.DECIMAL64;

    private BackAdjustment() {
    }

    /**
     * {@code bars} adjusted for {@code splits} and, under {@link Adjustment#SPLITS_AND_DIVIDENDS},
     * {@code dividends}.
     */
    public static AdjustedSeries adjust(List<DailyBar> bars, List<Split> splits, List<Dividend> dividends,
            Adjustment adjustment) {
        Objects.requireNonNull(bars, "bars are required");
        Objects.requireNonNull(splits, "splits are required");
        Objects.requireNonNull(dividends, "dividends are required");
        Objects.requireNonNull(adjustment, "adjustment is required");
        requireOneSymbol(bars, splits, dividends);
        requireAscending(bars);
        List<Split> splitsByDate = byDate(splits, Split::executionDate);
        List<Dividend> dividendsByDate = adjustment == Adjustment.SPLITS
                ? List.of() : byDate(dividends, Dividend::exDividendDate);

        DailyBar[] adjusted = new DailyBar[bars.size()];
        BigDecimal[] priceFactors = new BigDecimal[bars.size()];
        BigDecimal[] splitFactors = new BigDecimal[bars.size()];
        List<SkippedDividend> skipped = new ArrayList<>();
        // The splits and dividends from these indices on are after the current bar; from and to are the exact
        // products of those splits' split_from and split_to, dividendFactor is V(t).
        int splitsAfter = splitsByDate.size();
        int dividendsAfter = dividendsByDate.size();
        BigDecimal from = ONE;
        BigDecimal to = ONE;
        BigDecimal dividendFactor = ONE;
        for (int i = bars.size() - 1; i >= 0; i--) {
            DailyBar bar = bars.get(i);
            int firstSplit = firstAfter(splitsByDate, splitsAfter, bar.date(), Split::executionDate);
            int firstDividend = firstAfter(dividendsByDate, dividendsAfter, bar.date(), Dividend::exDividendDate);
            // The events between this bar and the next: this bar's close is C_prev of their dividends.
            List<Split> gapSplits = splitsByDate.subList(firstSplit, splitsAfter);
            List<Dividend> gapDividends = dividendsByDate.subList(firstDividend, dividendsAfter);
            BigDecimal gapTerms = dividendTerms(bar.close(), gapSplits, gapDividends, skipped);
            dividendFactor = dividendFactor.multiply(gapTerms, FACTOR);
            for (Split split : gapSplits) {
                from = from.multiply(split.splitFrom());
                to = to.multiply(split.splitTo());
            }
            splitsAfter = firstSplit;
            dividendsAfter = firstDividend;
            splitFactors[i] = from.divide(to, FACTOR);
            priceFactors[i] = splitFactors[i].multiply(dividendFactor, FACTOR);
            adjusted[i] = adjusted(bar, priceFactors[i], from, to);
        }
        for (Dividend early : dividendsByDate.subList(0, dividendsAfter)) {
            skipped.add(new SkippedDividend(early, SkippedDividend.Reason.NO_EARLIER_BAR));
        }
        skipped.sort(Comparator.comparing(skip -> skip.dividend().exDividendDate()));
        return new AdjustedSeries(adjustment, Arrays.asList(adjusted), Arrays.asList(priceFactors),
                Arrays.asList(splitFactors), skipped);
    }

    /**
     * The product of the terms {@code 1 - D / C_prev} of the dividends between two bars, ascending, whose
     * {@code C_prev} is {@code close}; a split among them changes the share basis of the dividends on or after it.
     */
    private static BigDecimal dividendTerms(BigDecimal close, List<Split> splits, List<Dividend> dividends,
            List<SkippedDividend> skipped) {
        BigDecimal product = ONE;
        BigDecimal from = ONE;
        BigDecimal to = ONE;
        int nextSplit = 0;
        for (Dividend dividend : dividends) {
            for (; nextSplit < splits.size()
                    && !splits.get(nextSplit).executionDate().isAfter(dividend.exDividendDate()); nextSplit++) {
                from = from.multiply(splits.get(nextSplit).splitFrom());
                to = to.multiply(splits.get(nextSplit).splitTo());
            }
            // D / C_prev = (cash_amount * to / from) / close, kept exact up to the one division.
            BigDecimal amount = dividend.cashAmount().multiply(to);
            BigDecimal base = close.multiply(from);
            if (amount.compareTo(base) >= 0) {
                skipped.add(new SkippedDividend(dividend, SkippedDividend.Reason.AMOUNT_NOT_BELOW_CLOSE));
            } else {
                product = product.multiply(ONE.subtract(amount.divide(base, FACTOR), FACTOR), FACTOR);
            }
        }
        return product;
    }

    private static DailyBar adjusted(DailyBar bar, BigDecimal priceFactor, BigDecimal from, BigDecimal to) {
        try {
            BigDecimal close = price(bar.close(), priceFactor);
            return new DailyBar(bar.symbol(), bar.date(), price(bar.open(), priceFactor),
                    price(bar.high(), priceFactor), price(bar.low(), priceFactor), close,
                    volume(bar.volume(), from, to), close);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("the bar of " + bar.symbol() + " on " + bar.date()
                    + " cannot be adjusted: " + e.getMessage(), e);
        }
    }

    private static BigDecimal price(BigDecimal asTraded, BigDecimal factor) {
        if (asTraded == null) {
            return null;
        }
        BigDecimal exact = asTraded.multiply(factor);
        BigDecimal rounded = exact.round(PRICE);
        return rounded.scale() > DailyBar.MAX_PRICE_SCALE
                ? exact.setScale(DailyBar.MAX_PRICE_SCALE, RoundingMode.HALF_EVEN) : rounded;
    }

    /** {@code asTraded / (from / to)}, from the exact ratios rather than their rounded quotient: a half is a half. */
    private static Long volume(Long asTraded, BigDecimal from, BigDecimal to) {
        return asTraded == null ? null
                : BigDecimal.valueOf(asTraded).multiply(to).divide(from, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** The index of the first of {@code events[0, end)} dated after {@code day}, walking back from {@code end}. */
    private static <E> int firstAfter(List<E> events, int end, LocalDate day, Function<E, LocalDate> date) {
        int first = end;
        while (first > 0 && date.apply(events.get(first - 1)).isAfter(day)) {
            first--;
        }
        return first;
    }

    private static <E> List<E> byDate(List<E> events, Function<E, LocalDate> date) {
        List<E> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(date));
        return sorted;
    }

    private static void requireAscending(List<DailyBar> bars) {
        for (int i = 1; i < bars.size(); i++) {
            LocalDate previous = bars.get(i - 1).date();
            LocalDate day = bars.get(i).date();
            if (!day.isAfter(previous)) {
                throw new IllegalArgumentException("bars must ascend by date, one a day: " + day + " follows "
                        + previous);
            }
        }
    }

    private static void requireOneSymbol(List<DailyBar> bars, List<Split> splits, List<Dividend> dividends) {
        Symbol symbol = !bars.isEmpty() ? bars.get(0).symbol()
                : !splits.isEmpty() ? splits.get(0).symbol()
                : !dividends.isEmpty() ? dividends.get(0).symbol() : null;
        bars.forEach(bar -> requireSymbol(symbol, bar.symbol(), "bar", bar.date()));
        splits.forEach(split -> requireSymbol(symbol, split.symbol(), "split", split.executionDate()));
        dividends.forEach(dividend -> requireSymbol(symbol, dividend.symbol(), "dividend", dividend.exDividendDate()));
    }

    private static void requireSymbol(Symbol expected, Symbol actual, String event, LocalDate day) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("a " + event + " of " + actual + " on " + day + " is among " + expected
                    + "'s: adjust one symbol at a time");
        }
    }
}
