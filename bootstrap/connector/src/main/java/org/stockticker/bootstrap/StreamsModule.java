package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.inject.Named;
import org.stockticker.application.port.out.CorporateActionsPort;
import org.stockticker.application.port.out.ListingsPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.read.AdjustedCloseDrift;
import org.stockticker.application.read.DaySource;
import org.stockticker.application.read.EventsSince;
import org.stockticker.application.read.EverySymbolSource;
import org.stockticker.application.read.PortSource;
import org.stockticker.application.read.PriceDays;
import org.stockticker.application.read.PriceSource;
import org.stockticker.application.read.ReadAheadSource;
import org.stockticker.application.read.ReadableStream;
import org.stockticker.application.read.RecordSource;
import org.stockticker.application.read.RereadingSource;
import org.stockticker.application.read.SplitsSince;
import org.stockticker.domain.CorporateActions;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Split;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.Symbol;

/**
 * The streams the connector offers, each registered once here: its definition for {@code discover}, and for a read
 * its records' source, wrapped in the read-ahead and the re-read of broken answers. A provider serves the streams of
 * the ports it implements: every provider the prices, one with a {@link CorporateActionsPort} the splits and
 * dividends, one with a {@link ListingsPort} the listings.
 */
@Module
interface StreamsModule {

    /** Dividends per symbol and trading day, for the estimate: about four a year. */
    double DIVIDENDS_PER_TRADING_DAY = 4.0 / 252;

    /** Splits per symbol and trading day, for the estimate: about one in ten years. */
    double SPLITS_PER_TRADING_DAY = 1.0 / 2520;

    /** The definitions of every stream the connector knows, whichever provider serves them: to read any state. */
    static List<StreamDefinition<?>> definitions() {
        return List.of(StockPrices.STREAM, CorporateActions.SPLITS, CorporateActions.DIVIDENDS,
                CorporateActions.TICKERS);
    }

    @Provides
    static List<ReadableStream<?>> streams(PriceProviderPort provider, ReadReportPort report,
            @Named("read-ahead") Executor readAhead) {
        List<ReadableStream<?>> streams = new ArrayList<>();
        streams.add(prices(provider, report, readAhead));
        if (provider instanceof CorporateActionsPort actions) {
            streams.add(events(CorporateActions.SPLITS, actions::splits, Split::executionDate, provider, report,
                    readAhead).expecting(SPLITS_PER_TRADING_DAY).withEverySymbolIf(actions.listsEverySymbolAtOnce(),
                    everySymbol(actions::splitsFrom, Split::symbol)));
            streams.add(events(CorporateActions.DIVIDENDS, actions::dividends, Dividend::exDividendDate, provider,
                    report, readAhead).expecting(DIVIDENDS_PER_TRADING_DAY).withEverySymbolIf(
                    actions.listsEverySymbolAtOnce(), everySymbol(actions::dividendsFrom, Dividend::symbol)));
        }
        if (provider instanceof ListingsPort listings) {
            ReadableStream<Listing> tickers = new ReadableStream<>(CorporateActions.TICKERS,
                    new PortSource<Listing>((symbol, window) -> Stream.of(listings.listing(symbol)),
                            provider::onRateLimited), Optional.empty());
            streams.add(tickers.withEverySymbolIf(listings.listsEverySymbol(),
                    everySymbol(from -> listings.everyListing(), Listing::symbol)));
        }
        return streams;
    }

    private static ReadableStream<DailyBar> prices(PriceProviderPort provider, ReadReportPort report,
            Executor readAhead) {
        RecordSource<DailyBar> source = new RereadingSource<>(
                new ReadAheadSource<>(new PriceSource(provider), readAhead, ReadAheadModule.THREADS), DailyBar::date,
                provider.name(), report);
        Optional<DaySource<DailyBar>> days = provider.reach().marketDays()
                ? Optional.of(new PriceDays(provider)) : Optional.empty();
        ReadableStream<DailyBar> prices = new ReadableStream<>(StockPrices.STREAM, source, days,
                Optional.of(new AdjustedCloseDrift()));
        // The events decide which symbols' prices changed where knowing them costs no request per symbol: split-adjusted
        // prices from the splits of every symbol listed at once, adjusted closes from events read without a request.
        // Elsewhere the adjusted closes themselves tell, at no cost.
        if (provider instanceof CorporateActionsPort actions) {
            if (provider.reach().splitAdjustedPrices() && actions.listsEverySymbolAtOnce()) {
                return prices.withChanges(new SplitsSince(actions));
            }
            if (provider.reach().adjustedValues() && actions.readsEventsWithoutRequests()) {
                return prices.withChanges(new EventsSince(actions));
            }
        }
        return prices;
    }

    private static <R> ReadableStream<R> events(StreamDefinition<R> definition,
            BiFunction<Symbol, DateWindow, Stream<R>> read, Function<R, LocalDate> dayOf,
            PriceProviderPort provider, ReadReportPort report, Executor readAhead) {
        RecordSource<R> source = new RereadingSource<>(new ReadAheadSource<>(
                new PortSource<>(read, provider::onRateLimited), readAhead, ReadAheadModule.THREADS), dayOf,
                provider.name(), report);
        return new ReadableStream<>(definition, source, Optional.empty());
    }

    private static <R> EverySymbolSource<R> everySymbol(Function<LocalDate, Stream<R>> from,
            Function<R, Symbol> symbolOf) {
        return new EverySymbolSource<>() {
            @Override
            public Stream<R> from(LocalDate day) {
                return from.apply(day);
            }

            @Override
            public Symbol symbolOf(R record) {
                return symbolOf.apply(record);
            }
        };
    }
}
