package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {

    private static final LocalDate START = LocalDate.of(2020, 1, 2);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static final List<Symbol> AAPL_MSFT = List.of(new Symbol("AAPL"), new Symbol("MSFT"));

    private static List<Symbol> symbols(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Symbol("S" + i)).toList();
    }

    @Test
    void keeps_the_tickers_in_their_given_order() {
        SyncSettings settings = new SyncSettings(List.of(new Symbol("MSFT"), new Symbol("AAPL")), START, END, 0);

        assertThat(settings.tickers()).extracting(Symbol::value).containsExactly("MSFT", "AAPL");
    }

    @Test
    void copies_the_tickers_so_later_changes_do_not_leak_in() {
        List<Symbol> tickers = new ArrayList<>(AAPL_MSFT);
        SyncSettings settings = new SyncSettings(tickers, START, END, 0);

        tickers.add(new Symbol("IBM"));

        assertThat(settings.tickers()).hasSize(2);
    }

    @Test
    void accepts_one_ticker() {
        assertThat(new SyncSettings(symbols(1), START, END, 0).tickers()).hasSize(1);
    }

    @Test
    void accepts_five_hundred_tickers() {
        assertThat(new SyncSettings(symbols(500), START, END, 0).tickers()).hasSize(500);
    }

    @Test
    void rejects_no_ticker_naming_the_field() {
        assertThatThrownBy(() -> new SyncSettings(List.of(), START, END, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tickers ");
    }

    @Test
    void rejects_more_than_five_hundred_tickers_naming_the_field() {
        assertThatThrownBy(() -> new SyncSettings(symbols(501), START, END, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tickers ")
                .hasMessageContaining("501")
                .hasMessageContaining("500");
    }

    @Test
    void rejects_a_ticker_named_twice() {
        List<Symbol> tickers = List.of(new Symbol("AAPL"), new Symbol("MSFT"), Symbol.parse("aapl"));

        assertThatThrownBy(() -> new SyncSettings(tickers, START, END, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tickers names AAPL more than once");
    }

    @Test
    void rejects_a_start_date_after_the_end_date() {
        assertThatThrownBy(() -> new SyncSettings(AAPL_MSFT, END.plusDays(1), END, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("start_date 2025-01-01 is after end_date 2024-12-31");
    }

    @Test
    void accepts_a_start_date_equal_to_the_end_date() {
        SyncSettings settings = new SyncSettings(AAPL_MSFT, END, END, 0);

        assertThat(settings.window()).isEqualTo(new DateWindow(END, END));
    }

    @Test
    void rejects_a_negative_lookback_naming_the_field() {
        assertThatThrownBy(() -> new SyncSettings(AAPL_MSFT, START, END, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookback_days -1 is negative");
    }

    @Test
    void requires_each_field_naming_it() {
        assertThatThrownBy(() -> new SyncSettings(null, START, END, 0)).hasMessageContaining("tickers");
        assertThatThrownBy(() -> new SyncSettings(AAPL_MSFT, null, END, 0)).hasMessageContaining("start_date");
        assertThatThrownBy(() -> new SyncSettings(AAPL_MSFT, START, null, 0)).hasMessageContaining("end_date");
    }

    @Test
    void the_window_spans_start_date_to_end_date() {
        assertThat(new SyncSettings(AAPL_MSFT, START, END, 3).window()).isEqualTo(new DateWindow(START, END));
    }

    @Test
    void the_whole_market_names_no_symbol() {
        SyncSettings market = SyncSettings.wholeMarket(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31), 0, true);

        assertThat(market.wholeMarket()).isTrue();
        assertThat(market.tickers()).isEmpty();
        assertThatThrownBy(() -> new SyncSettings(List.of(new Symbol("AAPL")), true, LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 31), 0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole market");
    }
}
