package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/**
 * What every {@link CorporateActionsPort} adapter promises about splits, proven against a stub that answers in the
 * provider's own shapes: the same splits for the same days, ascending, with exact ratios, a reverse split as 10 into
 * 1. A provider's subclass implements the hooks below to stub its own API (on WireMock, or in files); a provider
 * reached over the network extends {@link NetworkSplitsContractTest}.
 *
 * <p>Ratios are compared as numbers: a provider that writes 4 as {@code 4.0000} passes. Splits outside the window
 * asked for may be answered; the reads here drop them, as the caller does.
 */
public abstract class SplitsContractTest {

    protected static final Symbol ACME = new Symbol("ACME");
    protected static final Symbol UNKNOWN = new Symbol("ZZZZ");
    protected static final List<SplitFixture> SPLITS = SplitFixture.ACME_SPLITS;

    /** The adapter under test, talking to this test's stub. */
    protected abstract CorporateActionsPort provider();

    /**
     * Makes the stub serve {@code splits} of {@code symbol} (none, for a symbol without splits), in the provider's
     * own layout and order, for any window asked for.
     */
    protected abstract void serveSplits(Symbol symbol, List<SplitFixture> splits);

    /** Makes the stub answer as the provider does for a symbol it does not know. */
    protected abstract void serveUnknown(Symbol symbol);

    /**
     * Whether the provider tells a symbol it does not know from one without splits: then reading it throws
     * {@link UnknownSymbolException}; else it answers no split.
     */
    protected abstract boolean tellsUnknownSymbols();

    /**
     * The split as this provider reports {@code split}; by default exactly that. A provider whose answers carry one
     * factor instead of two numbers overrides it (to 1 into {@code splitTo / splitFrom}, say).
     */
    protected Split asReported(Split split) {
        return split;
    }

    /**
     * {@code split} in the smallest whole terms of its ratio, 1 into 1.05 as 20 into 21: how a provider whose answers
     * carry one factor that the adapter turns into whole terms reports it, for {@link #asReported}.
     */
    protected static Split inLowestWholeTerms(Split split) {
        int scale = Math.max(0, Math.max(split.splitFrom().scale(), split.splitTo().scale()));
        BigInteger from = split.splitFrom().movePointRight(scale).toBigIntegerExact();
        BigInteger to = split.splitTo().movePointRight(scale).toBigIntegerExact();
        BigInteger common = from.gcd(to);
        return new Split(split.symbol(), split.executionDate(), new BigDecimal(from.divide(common)),
                new BigDecimal(to.divide(common)));
    }

    @Test
    void answers_every_split_of_the_history_ascending_with_exact_ratios() {
        serveSplits(ACME, SPLITS);

        assertSameSplits(read(ACME, LocalDate.of(2000, 1, 3), LocalDate.of(2024, 12, 31)), SPLITS);
    }

    @Test
    void answers_a_reverse_split_as_ten_old_shares_into_one_new_one() {
        serveSplits(ACME, SPLITS);

        List<Split> splits = read(ACME, SplitFixture.REVERSE.executionDate(), SplitFixture.REVERSE.executionDate());

        assertSameSplits(splits, List.of(SplitFixture.REVERSE));
        assertThat(splits.get(0).priceFactor()).isEqualByComparingTo(BigDecimal.TEN);
    }

    @Test
    void answers_a_stock_dividend_as_a_split_into_a_fraction_of_a_share_more() {
        serveSplits(ACME, SPLITS);

        List<Split> splits = read(ACME, LocalDate.of(2021, 5, 3), LocalDate.of(2021, 5, 3));

        assertSameSplits(splits, SPLITS.subList(3, 4));
        assertThat(splits.get(0).splitTo().divide(splits.get(0).splitFrom())).isEqualByComparingTo("1.05");
    }

    @Test
    void answers_no_split_for_a_symbol_without_any() {
        serveSplits(ACME, List.of());

        assertThat(read(ACME, LocalDate.of(2000, 1, 3), LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void keeps_only_the_splits_of_the_window_both_ends_included() {
        serveSplits(ACME, SPLITS);

        assertSameSplits(read(ACME, SPLITS.get(1).executionDate(), SPLITS.get(3).executionDate()),
                SPLITS.subList(1, 4));
        assertThat(read(ACME, LocalDate.of(2014, 6, 10), LocalDate.of(2020, 8, 30))).isEmpty();
    }

    @Test
    void reports_a_symbol_it_does_not_know_or_answers_no_split_where_it_cannot_tell() {
        serveUnknown(UNKNOWN);

        if (tellsUnknownSymbols()) {
            assertThatThrownBy(() -> read(UNKNOWN, LocalDate.of(2000, 1, 3), LocalDate.of(2024, 12, 31)))
                    .isInstanceOf(UnknownSymbolException.class)
                    .hasMessageContaining("ZZZZ");
        } else {
            assertThat(read(UNKNOWN, LocalDate.of(2000, 1, 3), LocalDate.of(2024, 12, 31))).isEmpty();
        }
    }

    /** The splits of {@code symbol} from {@code from} to {@code to}, those outside dropped as the caller does. */
    protected List<Split> read(Symbol symbol, LocalDate from, LocalDate to) {
        try (Stream<Split> splits = provider().splits(symbol, new DateWindow(from, to))) {
            return splits.filter(split -> !split.executionDate().isBefore(from) && !split.executionDate().isAfter(to))
                    .toList();
        }
    }

    /** Checks that {@code actual} are the splits of {@link #ACME} that {@code expected} describe, in that order. */
    protected void assertSameSplits(List<Split> actual, List<SplitFixture> expected) {
        assertThat(actual.stream().map(SplitsContractTest::shown).toList()).containsExactlyElementsOf(
                expected.stream().map(split -> shown(asReported(split.toSplit(ACME)))).toList());
    }

    /** A split as text in which equal numbers read alike whatever their scale: 4.0000 as 4. */
    private static String shown(Split split) {
        return split.symbol() + " " + split.executionDate() + " " + plain(split.splitFrom()) + " -> "
                + plain(split.splitTo());
    }

    static String plain(BigDecimal number) {
        return number == null ? "null" : number.stripTrailingZeros().toPlainString();
    }
}
