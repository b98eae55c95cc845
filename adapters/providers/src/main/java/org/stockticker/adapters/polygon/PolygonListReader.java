package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a paged Massive list (splits, dividends, listings) one entry at a time while the caller consumes them, page
 * after page ({@link PolygonPages}); a chain of pages that brings no new entry is cut ({@link PageProgress}).
 */
final class PolygonListReader {

    private final ObjectMapper mapper;
    private final String provider;

    /** A reader whose messages name the provider as {@code provider}, the name it was configured with. */
    PolygonListReader(ObjectMapper mapper, String provider) {
        this.mapper = mapper;
        this.provider = provider;
    }

    /**
     * What one list makes of its entries; one instance serves one list, read on one thread.
     *
     * @param <T> what an entry becomes
     */
    interface Entries<T> {

        /**
         * The entry whose first token is the parser's current one, read whole, or empty when it is skipped (a second
         * copy of an entry handed out already is skipped too).
         */
        Optional<T> read(JsonParser parser) throws IOException;

        /**
         * The list was read to its end, or closed: what its entries had to skip so far is told now, once (a second
         * call tells only what was skipped since).
         */
        void finish();
    }

    /**
     * The entries of {@code subject} ("the splits of AAPL", as messages name it), a list of {@code kind}
     * ("splits"), starting with page {@code first}; {@code next} asks for the page a {@code next_url} names. Closing
     * the stream closes the page being read and finishes {@code entries}.
     */
    <T> Stream<T> entries(Response first, String subject, String kind, Function<String, Response> next,
            Entries<T> entries) {
        PolygonPages.Elements<T> elements = new PolygonPages.Elements<>() {
            @Override
            public Optional<T> read(JsonParser parser, PageProgress progress) throws IOException {
                Optional<T> entry = entries.read(parser);
                if (entry.isPresent()) {
                    progress.newEntry();
                }
                return entry;
            }

            @Override
            public void end() {
                entries.finish();
            }

            @Override
            public void close() {
                entries.finish();
            }
        };
        return PolygonPages.stream(mapper, provider, first, subject, kind, next, elements,
                PageProgress.ofList(provider, subject));
    }
}
