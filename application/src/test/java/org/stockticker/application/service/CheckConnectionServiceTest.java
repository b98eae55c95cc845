package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.in.CheckResult;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.UsTradingCalendar;

class CheckConnectionServiceTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol BAD = new Symbol("NOPE");

    private final FakePriceProvider provider = new FakePriceProvider("fake");
    private final CheckConnectionService service =
            new CheckConnectionService(provider, new UsTradingCalendar(), Reads.CLOCK, 1);

    private static final SyncSettings WHOLE_MARKET =
            SyncSettings.wholeMarket(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 0, true);

    private static SyncSettings settings(List<Symbol> tickers) {
        return new SyncSettings(tickers, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 0);
    }

    @Test
    void the_whole_market_is_checked_with_the_one_request_its_read_repeats_for_the_last_trading_day() {
        provider.answeringMarketDays(false, 5).with(AAPL, new DailyBar(AAPL, LocalDate.of(2026, 6, 29), null, null,
                null, BigDecimal.TEN, null, null));

        CheckResult status = service.check(WHOLE_MARKET);

        assertThat(status.succeeded()).isTrue();
        // Reads.CLOCK stands on Tuesday 2026-06-30: the last trading day before it is Monday the 29th.
        assertThat(provider.daysAsked()).containsExactly(LocalDate.of(2026, 6, 29));
        assertThat(provider.verified()).isEmpty();
        assertThat(status.message()).contains("2026-06-29").contains("1 symbols");
    }

    @Test
    void the_whole_market_fails_with_a_provider_that_answers_one_symbol_per_request() {
        CheckResult status = service.check(WHOLE_MARKET);

        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).contains("whole market").contains("fake").contains("massive");
        assertThat(provider.requests()).isEmpty();
    }

    @Test
    void warns_and_still_succeeds_when_one_sync_of_the_tickers_needs_more_than_the_daily_budget() {
        provider.reaching(ProviderReach.perSymbol(false, 5).withBudgets(OptionalInt.empty(), OptionalInt.of(25)));
        CheckConnectionService fourStreams = new CheckConnectionService(provider, new UsTradingCalendar(),
                Reads.CLOCK, 4);
        List<Symbol> seven = IntStream.range(0, 7).mapToObj(i -> new Symbol("S" + i)).toList();

        CheckResult status = fourStreams.check(settings(seven));

        assertThat(status.succeeded()).isTrue();
        assertThat(status.warnings()).singleElement().isEqualTo("One sync of 7 tickers needs about 28 requests (one"
                + " per ticker for each of the 4 streams), more than the 25 a day provider fake allows"
                + " (requests_per_day): each sync reads what the day's budget allows, checkpoints and ends, and the"
                + " next resumes there, so one pass over every ticker takes about 2 syncs, a day apart");
    }

    @Test
    void does_not_warn_when_one_sync_fits_the_daily_budget_or_the_provider_has_none() {
        provider.reaching(ProviderReach.perSymbol(false, 5).withBudgets(OptionalInt.empty(), OptionalInt.of(25)));
        List<Symbol> six = IntStream.range(0, 6).mapToObj(i -> new Symbol("S" + i)).toList();

        assertThat(new CheckConnectionService(provider, new UsTradingCalendar(), Reads.CLOCK, 4)
                .check(settings(six)).warnings()).isEmpty();
        provider.reaching(ProviderReach.perSymbol(false, 5));
        assertThat(new CheckConnectionService(provider, new UsTradingCalendar(), Reads.CLOCK, 4)
                .check(settings(List.of(AAPL, MSFT, new Symbol("IBM"), new Symbol("T"), new Symbol("F"),
                        new Symbol("GE"), new Symbol("KO")))).warnings()).isEmpty();
    }

    @Test
    void succeeds_when_the_provider_knows_every_ticker() {
        CheckResult status = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(status.succeeded()).isTrue();
        assertThat(provider.verified()).containsExactly(AAPL, MSFT);
        assertThat(status.succeeded()).isTrue();
        assertThat(status.message()).contains("fake").contains("AAPL, MSFT");
    }

    @Test
    void verifies_only_the_first_ten_of_twelve_tickers() {
        List<Symbol> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> new Symbol("T" + i)).toList();

        CheckResult status = service.check(settings(twelve));

        assertThat(status.succeeded()).isTrue();
        assertThat(provider.verified()).containsExactlyElementsOf(twelve.subList(0, 10));
    }

    @Test
    void an_unknown_ticker_fails_naming_it() {
        provider.failingVerification(BAD, new UnknownSymbolException(BAD, "fake"));

        CheckResult status = service.check(settings(List.of(AAPL, BAD, MSFT)));

        assertThat(status.succeeded()).isFalse();
        assertThat(provider.verified()).containsExactly(AAPL, BAD, MSFT);
        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).contains("NOPE").contains("tickers").doesNotContain("AAPL", "MSFT");
    }

    @Test
    void an_unknown_ticker_beyond_the_first_ten_is_left_to_the_read() {
        List<Symbol> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> new Symbol("T" + i)).toList();
        provider.failingVerification(eleven.get(10), new UnknownSymbolException(eleven.get(10), "fake"));

        CheckResult status = service.check(settings(eleven));

        assertThat(status.succeeded()).isTrue();
    }

    @Test
    void a_rejected_key_fails_with_the_providers_message() {
        provider.failingVerification(AAPL,
                new RejectedCredentialsException("Provider fake rejected the API key: check provider.api_key"));

        CheckResult status = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(status.succeeded()).isFalse();
        assertThat(status.failure()).get().isInstanceOf(RejectedCredentialsException.class)
                .hasFieldOrPropertyWithValue("message", "Provider fake rejected the API key: check provider.api_key");
        assertThat(status.symbol()).isEqualTo(AAPL);
        assertThat(provider.verified()).containsExactly(AAPL);
    }

    @Test
    void an_unavailable_provider_fails_with_its_message() {
        provider.failingVerification(MSFT,
                new ProviderUnavailableException("Could not reach api.example.com", null));

        CheckResult status = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(status.succeeded()).isFalse();
        assertThat(status.failure()).get().isInstanceOf(ProviderUnavailableException.class)
                .hasFieldOrPropertyWithValue("message", "Could not reach api.example.com");
        assertThat(status.symbol()).isEqualTo(MSFT);
    }

    @Test
    void an_unexpected_exception_fails_the_check_with_it() {
        provider.failingVerification(MSFT, new IllegalStateException("boom"));

        CheckResult status = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(status.succeeded()).isFalse();
        assertThat(status.failure()).get().isInstanceOf(IllegalStateException.class);
        assertThat(status.symbol()).isEqualTo(MSFT);
        assertThat(provider.verified()).containsExactly(AAPL, MSFT);
    }
}
