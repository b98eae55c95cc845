package org.stockticker.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stockticker.domain.DailyBar;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.CheckResult;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Checks the key and the first tickers with the provider's cheapest request. The remaining tickers are verified by
 * the read itself, which keeps a check of 500 tickers from spending a free plan's daily quota. For the whole market,
 * the check asks for the last trading day before today, the one request a whole-market read repeats for every day.
 * When one sync of the configured tickers needs more requests than the provider's daily budget allows, counted
 * roughly as one per ticker and stream, the check warns, whether or not it succeeds.
 */
public final class CheckConnectionService implements CheckConnectionUseCase {

    /** How many tickers a check verifies. */
    public static final int TICKERS_CHECKED = 10;

    private final PriceProviderPort provider;
    private final UsTradingCalendar calendar;
    private final Clock clock;
    private final int streams;

    /**
     * A check of {@code provider}, which serves {@code streams} streams; {@code clock} tells which day the last
     * trading day before today is.
     */
    public CheckConnectionService(PriceProviderPort provider, UsTradingCalendar calendar, Clock clock, int streams) {
        this.provider = provider;
        this.calendar = calendar;
        this.clock = clock;
        this.streams = streams;
    }

    @Override
    public CheckResult check(SyncSettings settings) {
        if (settings.wholeMarket()) {
            return checkWholeMarket();
        }
        return checkTickers(settings).withWarnings(budgetWarnings(settings));
    }

    private CheckResult checkTickers(SyncSettings settings) {
        List<Symbol> checked = settings.tickers().subList(0, Math.min(TICKERS_CHECKED, settings.tickers().size()));
        List<Symbol> unknown = new ArrayList<>();
        for (Symbol symbol : checked) {
            try {
                provider.verify(symbol);
            } catch (UnknownSymbolException e) {
                unknown.add(symbol);
            } catch (RuntimeException | Error e) {
                return CheckResult.failedWith(symbol, e);
            }
        }
        if (!unknown.isEmpty()) {
            return CheckResult.failed(UnknownTickersException.message(unknown, provider.name()));
        }
        return CheckResult.passed("Provider " + provider.name() + " accepted the configuration and knows "
                + checked.stream().map(Symbol::value).collect(Collectors.joining(", ")));
    }

    /** A warning when one sync of the tickers needs more requests than the provider's daily budget allows. */
    private List<String> budgetWarnings(SyncSettings settings) {
        OptionalInt perDay = provider.reach().requestsPerDay();
        long requests = (long) settings.tickers().size() * streams;
        if (perDay.isEmpty() || requests <= perDay.getAsInt()) {
            return List.of();
        }
        long syncs = (requests + perDay.getAsInt() - 1) / perDay.getAsInt();
        return List.of("One sync of " + settings.tickers().size() + " tickers needs about " + requests
                + " requests (one per ticker" + (streams == 1 ? "" : " for each of the " + streams + " streams")
                + "), more than the " + perDay.getAsInt() + " a day provider " + provider.name() + " allows"
                + " (requests_per_day): each sync reads what the day's budget allows, checkpoints and ends, and the"
                + " next resumes there, so one pass over every ticker takes about " + syncs + " syncs, a day apart");
    }

    private CheckResult checkWholeMarket() {
        if (!provider.reach().marketDays()) {
            return CheckResult.failed(InvalidInputException.wholeMarketRefused(provider.name(), "massive"));
        }
        LocalDate day = calendar.previousTradingDay(LocalDate.now(clock.withZone(UsTradingCalendar.ZONE)));
        long symbols;
        try (Stream<DailyBar> bars = provider.marketDay(day)) {
            symbols = bars.count();
        } catch (RuntimeException | Error e) {
            return CheckResult.failedWith(null, e);
        }
        return CheckResult.passed("Provider " + provider.name() + " accepted the configuration and answered the"
                + " whole market of " + day + " (" + symbols + " symbols)");
    }
}
