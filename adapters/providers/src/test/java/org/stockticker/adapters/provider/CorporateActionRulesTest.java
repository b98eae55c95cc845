package org.stockticker.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Split;
import org.stockticker.domain.Symbol;

/** Skipping the splits and dividends that cannot be events, putting the rest in order, and what each skip says. */
class CorporateActionRulesTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final LocalDate MONDAY = LocalDate.parse("2024-05-06");
    private static final DateWindow MAY = new DateWindow(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31"));

    private final RecordingLogger log = new RecordingLogger();
    private final CorporateActionRules<Split> splits = CorporateActionRules.splits("acme", log);
    private final CorporateActionRules<Dividend> dividends = CorporateActionRules.dividends("acme", log);

    @Test
    void keeps_a_sound_event_without_a_word() {
        Optional<Split> split = splits.event(AAPL, MONDAY, MAY, () -> split(MONDAY, "1", "4"));

        assertThat(split).contains(split(MONDAY, "1", "4"));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void drops_an_event_outside_the_window_silently_without_building_it() {
        Optional<Split> split = splits.event(AAPL, MONDAY.minusMonths(1), MAY, () -> {
            throw new AssertionError("an event outside the window is never built");
        });

        assertThat(split).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skips_an_event_the_domain_refuses_naming_symbol_day_and_the_domains_reason() {
        Optional<Split> split = splits.event(AAPL, MONDAY, MAY, () -> split(MONDAY, "0", "4"));

        assertThat(split).isEmpty();
        assertThat(log.lines).containsExactly(
                "WARN Skipping the split of AAPL on 2024-05-06 from provider acme: split_from 0 is not a positive"
                        + " split ratio");
    }

    @Test
    void skips_an_event_without_a_date() {
        assertThat(dividends.skipUndated(AAPL, "it has no ex-dividend date")).isEmpty();

        assertThat(log.lines).containsExactly(
                "WARN Skipping a dividend of AAPL from provider acme: it has no ex-dividend date");
    }

    @Test
    void leaves_out_a_currency_that_is_no_iso_code_with_a_warning_and_upper_cases_one_that_is() {
        assertThat(dividends.currency(AAPL, MONDAY, " usd ")).isEqualTo("USD");
        assertThat(dividends.currency(AAPL, MONDAY, null)).isNull();
        assertThat(dividends.currency(AAPL, MONDAY, "")).isNull();
        assertThat(log.lines).isEmpty();

        assertThat(dividends.currency(AAPL, MONDAY, "XYZ")).isNull();
        assertThat(dividends.currency(AAPL, MONDAY, "dollars")).isNull();

        assertThat(log.lines).hasSize(2).allSatisfy(line -> assertThat(line).isEqualTo(
                "WARN Keeping the dividend of AAPL on 2024-05-06 from provider acme without its currency: the"
                        + " provider's code is not an ISO 4217 currency code"));
    }

    @Test
    void tells_a_value_left_out_only_once_the_event_is_made() {
        Optional<Dividend> refused = dividends.event(AAPL, MONDAY, MAY, () -> new Dividend(AAPL, MONDAY,
                BigDecimal.ZERO, dividends.currency(AAPL, MONDAY, "XYZ"), null, null, null, null, Dividend.REGULAR));
        Optional<Dividend> kept = dividends.event(AAPL, MONDAY.plusDays(1), MAY, () -> new Dividend(AAPL,
                MONDAY.plusDays(1), BigDecimal.ONE, dividends.currency(AAPL, MONDAY.plusDays(1), "XYZ"), null, null,
                null, null, Dividend.REGULAR));

        assertThat(refused).isEmpty();
        assertThat(kept).hasValueSatisfying(dividend -> assertThat(dividend.currency()).isNull());
        assertThat(log.lines).containsExactly(
                "WARN Skipping the dividend of AAPL on 2024-05-06 from provider acme: cash_amount 0 is not a positive"
                        + " cash amount",
                "WARN Keeping the dividend of AAPL on 2024-05-07 from provider acme without its currency: the"
                        + " provider's code is not an ISO 4217 currency code");
    }

    @Test
    void puts_events_in_ascending_order_of_their_day() {
        List<Split> read = read(splits, split(MONDAY.plusDays(2), "1", "2"), split(MONDAY, "1", "4"),
                split(MONDAY.plusDays(1), "3", "1"));

        assertThat(read).extracting(Split::executionDate)
                .containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2));
        assertThat(log.lines).isEmpty();
    }

    @Test
    void keeps_the_first_of_two_events_with_one_key_and_warns_about_the_second() {
        List<Split> read = read(splits, split(MONDAY, "1", "4"), split(MONDAY, "1", "4"), split(MONDAY, "1", "2"));

        assertThat(read).containsExactly(split(MONDAY, "1", "4"));
        assertThat(log.lines).containsExactly(
                "WARN Skipping a second split of AAPL on 2024-05-06 from provider acme: it repeats one read before",
                "WARN Skipping a second split of AAPL on 2024-05-06 from provider acme: one with the same execution"
                        + " date came first");
    }

    @Test
    void keeps_a_special_and_a_regular_dividend_of_one_ex_date_as_two() {
        Dividend regular = dividend(MONDAY, "0.25", Dividend.REGULAR);
        Dividend special = dividend(MONDAY, "1.00", "special");

        List<Dividend> read = read(dividends, special, regular);

        assertThat(read).containsExactly(special, regular);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void reads_nothing_before_the_stream_is_consumed_and_closes_what_it_read_with_the_stream() {
        AtomicBoolean pulled = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Split> source = Stream.of(split(MONDAY, "1", "2")).peek(split -> pulled.set(true))
                .onClose(() -> closed.set(true));

        try (Stream<Split> ordered = splits.inOrder(AAPL, source)) {
            assertThat(pulled).isFalse();
            assertThat(ordered.toList()).hasSize(1);
            assertThat(pulled).isTrue();
        }
        assertThat(closed).isTrue();
    }

    @Test
    void sums_up_the_skips_and_the_values_left_out_past_the_first_few_of_an_answer() {
        IntStream.range(0, 25).forEach(i -> splits.skipUndated(AAPL, "it has no date"));
        IntStream.range(0, 12).forEach(i -> splits.keptWithout(AAPL, MONDAY, "currency", "unknown"));

        read(splits);

        assertThat(log.lines).hasSize(SkipLog.LOGGED_ONE_BY_ONE * 2 + 2);
        assertThat(log.lines).contains(
                "WARN Skipped 15 more splits of AAPL from provider acme: 15 without a readable date",
                "WARN Kept 2 more splits of AAPL from provider acme with a value left out: 2 without their currency");
    }

    @SafeVarargs
    private static <T> List<T> read(CorporateActionRules<T> rules, T... events) {
        try (Stream<T> ordered = rules.inOrder(AAPL, Stream.of(events))) {
            return ordered.toList();
        }
    }

    private static Split split(LocalDate day, String from, String to) {
        return new Split(AAPL, day, new BigDecimal(from), new BigDecimal(to));
    }

    private static Dividend dividend(LocalDate day, String amount, String type) {
        return new Dividend(AAPL, day, new BigDecimal(amount), "USD", null, null, null, 4, type);
    }
}
