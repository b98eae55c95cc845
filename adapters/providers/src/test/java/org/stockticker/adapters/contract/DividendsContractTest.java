package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Symbol;

/**
 * What every {@link CorporateActionsPort} adapter promises about dividends, proven against a stub that answers in the
 * provider's own shapes: the same dividends for the same ex-dividend dates, ascending, amounts exact to the last of
 * many decimals, and a special dividend beside a regular one of the same day. A provider's subclass implements the
 * hooks below to stub its own API (on WireMock, or in files); a provider reached over the network extends
 * {@link NetworkDividendsContractTest}.
 *
 * <p>Amounts are compared as numbers: a provider that writes 0.24 as {@code 0.2400} passes, one that loses a digit
 * does not. Dividends outside the window asked for may be answered; the reads here drop them, as the caller does.
 */
public abstract class DividendsContractTest {

    protected static final Symbol ACME = new Symbol("ACME");
    protected static final Symbol UNKNOWN = new Symbol("ZZZZ");
    protected static final List<DividendFixture> DIVIDENDS = DividendFixture.ACME_DIVIDENDS;

    /** The adapter under test, talking to this test's stub. */
    protected abstract CorporateActionsPort provider();

    /**
     * Makes the stub serve {@code dividends} of {@code symbol} (none, for a symbol without dividends), in the
     * provider's own layout and order, for any window asked for.
     */
    protected abstract void serveDividends(Symbol symbol, List<DividendFixture> dividends);

    /** Makes the stub answer as the provider does for a symbol it does not know. */
    protected abstract void serveUnknown(Symbol symbol);

    /**
     * Whether the provider tells a symbol it does not know from one without dividends: then reading it throws
     * {@link UnknownSymbolException}; else it answers no dividend.
     */
    protected abstract boolean tellsUnknownSymbols();

    /**
     * Whether the provider says which dividends are special: only then can it answer a special dividend beside a
     * regular one of the same ex-dividend date. Else every dividend it answers is regular, so two of one ex-dividend
     * date share their key: the one its answer gives first (the regular one, which the stub serves first) is kept, and
     * the second is skipped as a repeat. True unless overridden.
     */
    protected boolean tellsDistributionTypes() {
        return true;
    }

    /**
     * The dividend as this provider reports {@code dividend}; by default exactly that. A provider whose answers lack
     * some of the optional fields (currency, declaration, record or pay date, frequency) overrides it to leave those
     * null.
     */
    protected Dividend asReported(Dividend dividend) {
        return dividend;
    }

    @Test
    void answers_every_dividend_of_the_history_ascending_by_ex_dividend_date() {
        List<DividendFixture> served = served();
        serveDividends(ACME, served);

        assertSameDividends(read(ACME, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31)), served);
    }

    @Test
    void keeps_a_special_dividend_beside_the_regular_one_of_the_same_ex_dividend_date_or_the_first_where_it_cannot() {
        serveDividends(ACME, DIVIDENDS);

        List<Dividend> dividends = read(ACME, DividendFixture.SPECIAL_DAY, DividendFixture.SPECIAL_DAY);

        if (tellsDistributionTypes()) {
            assertThat(dividends).extracting(Dividend::distributionType)
                    .containsExactlyInAnyOrder(Dividend.REGULAR, "special");
            assertSameDividends(dividends, DIVIDENDS.subList(2, 4));
        } else {
            assertThat(dividends).extracting(Dividend::distributionType).containsExactly(Dividend.REGULAR);
            assertSameDividends(dividends, DIVIDENDS.subList(2, 3));
        }
    }

    @Test
    void keeps_an_amount_with_many_decimals_exact() {
        serveDividends(ACME, served());

        List<Dividend> dividends = read(ACME, LocalDate.of(2024, 8, 12), LocalDate.of(2024, 8, 12));

        assertThat(dividends).hasSize(1);
        assertThat(dividends.get(0).cashAmount()).isEqualByComparingTo(DividendFixture.MANY_DECIMALS);
    }

    @Test
    void answers_no_dividend_for_a_symbol_without_any() {
        serveDividends(ACME, List.of());

        assertThat(read(ACME, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31))).isEmpty();
    }

    @Test
    void keeps_only_the_dividends_of_the_window_both_ends_included() {
        List<DividendFixture> served = served();
        serveDividends(ACME, served);

        assertSameDividends(read(ACME, LocalDate.of(2024, 2, 9), LocalDate.of(2024, 8, 12)),
                served.subList(1, served.size()));
        assertThat(read(ACME, LocalDate.of(2023, 11, 11), LocalDate.of(2024, 2, 8))).isEmpty();
    }

    @Test
    void reports_a_symbol_it_does_not_know_or_answers_no_dividend_where_it_cannot_tell() {
        serveUnknown(UNKNOWN);

        if (tellsUnknownSymbols()) {
            assertThatThrownBy(() -> read(UNKNOWN, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31)))
                    .isInstanceOf(UnknownSymbolException.class)
                    .hasMessageContaining("ZZZZ");
        } else {
            assertThat(read(UNKNOWN, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31))).isEmpty();
        }
    }

    /**
     * The dividends the stub serves where the whole history is read: all of them, or, for a provider that does not
     * tell distribution types, all but the special one.
     */
    protected List<DividendFixture> served() {
        return tellsDistributionTypes() ? DIVIDENDS
                : DIVIDENDS.stream().filter(dividend -> dividend.distributionType().equals(Dividend.REGULAR)).toList();
    }

    /** The dividends of {@code symbol} from {@code from} to {@code to}, those outside dropped as the caller does. */
    protected List<Dividend> read(Symbol symbol, LocalDate from, LocalDate to) {
        try (Stream<Dividend> dividends = provider().dividends(symbol, new DateWindow(from, to))) {
            return dividends.filter(dividend -> !dividend.exDividendDate().isBefore(from)
                    && !dividend.exDividendDate().isAfter(to)).toList();
        }
    }

    /**
     * Checks that {@code actual} are the dividends of {@link #ACME} that {@code expected} describe, ascending by
     * ex-dividend date; dividends of one ex-dividend date may come in any order among them.
     */
    protected void assertSameDividends(List<Dividend> actual, List<DividendFixture> expected) {
        assertThat(actual).extracting(Dividend::exDividendDate).isSorted();
        assertThat(actual.stream().map(DividendsContractTest::shown).toList()).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(dividend -> shown(asReported(dividend.toDividend(ACME)))).toList());
    }

    /** A dividend as text in which equal amounts read alike whatever their scale: 0.2400 as 0.24. */
    private static String shown(Dividend dividend) {
        return String.join(" ", dividend.symbol().value(), String.valueOf(dividend.exDividendDate()),
                SplitsContractTest.plain(dividend.cashAmount()), String.valueOf(dividend.currency()),
                "declared " + dividend.declarationDate(), "record " + dividend.recordDate(),
                "pay " + dividend.payDate(), "frequency " + dividend.frequency(), dividend.distributionType());
    }
}
