package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Massive's listings: one ticker's reference entry ({@code /v3/reference/tickers/{T}}, which a 404
 * {@code NOT_FOUND} answers for a ticker Massive does not know), or every US stock ticker
 * ({@code /v3/reference/tickers?market=stocks}), first those that still trade, then the delisted ones, 1,000
 * a page, each list read lazily page after page ({@link PolygonListReader}) and asked for only once the one before
 * has been read. Entries become listings through {@link PolygonListingEntries}.
 */
final class PolygonListings {

    private static final String EVERY_LISTING = "the US stock listings";

    private final String provider;
    private final PolygonApi api;
    private final String apiKey;
    private final PolygonPaging paging;
    private final PolygonListReader lists;
    private final ObjectMapper mapper;
    private final Logger log;

    /** The listings of {@code provider}, as configured, asked for with {@code apiKey}; warnings go to {@code log}. */
    PolygonListings(String provider, PolygonApi api, String apiKey, PolygonPaging paging, PolygonListReader lists,
            ObjectMapper mapper, Logger log) {
        this.provider = provider;
        this.api = api;
        this.apiKey = apiKey;
        this.paging = paging;
        this.lists = lists;
        this.mapper = mapper;
        this.log = log;
    }

    /** The listing in {@code symbol}'s reference entry. */
    Listing listing(Symbol symbol) {
        Response answer;
        try {
            answer = api.ticker(symbol.value(), apiKey);
        } catch (PolygonErrorDecoder.NotFound e) {
            if ("NOT_FOUND".equals(e.explanation().status())) {
                throw new UnknownSymbolException(symbol, provider);
            }
            throw paging.notFound("the reference data of " + symbol, e);
        }
        PolygonEntries entries = new PolygonEntries(provider, "the reference data of " + symbol, symbol, log);
        try (JsonAnswer json = JsonAnswer.open(mapper, answer, provider, symbol, JsonToken.START_OBJECT,
                "a reference entry")) {
            Optional<Listing> listing = results(json.parser(), new PolygonListingEntries(entries, null));
            entries.finish();
            return listing.orElseThrow(() -> new BrokenAnswerException("provider " + provider
                    + " answered no listing in the reference data of " + symbol));
        } catch (IOException e) {
            throw JsonAnswer.brokenOff(provider, symbol);
        }
    }

    /** Every listing: the active ones, then the delisted ones, each symbol once. */
    Stream<Listing> everyListing() {
        PolygonEntries entries = new PolygonEntries(provider, EVERY_LISTING, null, log);
        InTurn<Listing> both = new InTurn<>(List.of(() -> list(true, entries), () -> list(false, entries)));
        return StreamSupport.stream(both, false).onClose(both::close);
    }

    private Stream<Listing> list(boolean active, PolygonEntries entries) {
        String subject = "the " + (active ? "active" : "delisted") + " US stock listings";
        return lists.entries(paging.first(subject, () -> api.tickers(active, apiKey)), subject, "listings",
                url -> paging.next(url, subject, subject), new PolygonListingEntries(entries, active));
    }

    /** The listing in the {@code results} object of a reference entry, read field by field. */
    private static Optional<Listing> results(JsonParser parser, PolygonListingEntries entries) throws IOException {
        Optional<Listing> listing = Optional.empty();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (field.equals("results") && value == JsonToken.START_OBJECT) {
                listing = entries.read(parser);
            } else {
                parser.skipChildren();
            }
        }
        PolygonEntries.requireEnd(parser);
        return listing;
    }

    /**
     * The elements of several streams one after another, each stream made only once the one before has ended, and
     * closed then; closing this closes the one being read.
     */
    private static final class InTurn<T> extends Spliterators.AbstractSpliterator<T> {

        private final Iterator<Supplier<Stream<T>>> streams;
        private Stream<T> current;
        private Spliterator<T> elements;

        InTurn(List<Supplier<Stream<T>>> streams) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.streams = streams.iterator();
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (true) {
                if (elements == null) {
                    if (!streams.hasNext()) {
                        return false;
                    }
                    current = streams.next().get();
                    elements = current.spliterator();
                }
                if (elements.tryAdvance(action)) {
                    return true;
                }
                close();
            }
        }

        void close() {
            Stream<T> ended = current;
            current = null;
            elements = null;
            if (ended != null) {
                ended.close();
            }
        }
    }
}
