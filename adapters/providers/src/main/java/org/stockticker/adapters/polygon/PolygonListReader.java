package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.application.port.out.ProviderUnavailableException;

/**
 * Reads a paged Massive list (splits, dividends, listings) one entry at a time while the caller consumes them, page
 * after page: each page is a {@link PolygonPage} whose {@code results} hold the entries, and whose {@code next_url}
 * names the next page. The next page is asked for only once the caller wants an entry beyond the current one; a
 * chain of pages that brings no new entry is cut ({@link PageProgress}), and so is a {@code next_url} naming a page
 * already read.
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
        Pages<T> pages = new Pages<>(subject, kind, next, entries);
        pages.open(first);
        return StreamSupport.stream(pages, false).onClose(pages::close).onClose(entries::finish);
    }

    /** The entries of all pages, read from the current page's parser only as far as the consumer asks. */
    private final class Pages<T> extends Spliterators.AbstractSpliterator<T> {

        private final String subject;
        private final String kind;
        private final Function<String, Response> next;
        private final Entries<T> entries;
        // A server that names a page already read would otherwise be followed round and round.
        private final Set<String> followed = new HashSet<>();
        private final PageProgress progress;
        private PolygonPage page;
        // Streams may ask again after the end; the last page must not be read past its end.
        private boolean exhausted;

        Pages(String subject, String kind, Function<String, Response> next, Entries<T> entries) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.subject = subject;
            this.kind = kind;
            this.next = next;
            this.entries = entries;
            this.progress = PageProgress.ofList(provider, subject);
        }

        void open(Response response) {
            // The page closes the answer itself when it does not start as a page must.
            page = PolygonPage.open(mapper, response, provider, subject, kind);
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            try {
                while (!exhausted) {
                    if (page.nextElement()) {
                        Optional<T> entry = entries.read(page.parser());
                        if (entry.isPresent()) {
                            progress.newEntry();
                            action.accept(entry.get());
                            return true;
                        }
                    } else {
                        finishPage();
                    }
                }
                return false;
            } catch (IOException e) {
                // Parser messages may quote the answer itself; the type of failure is all that is reported.
                throw JsonAnswer.brokenOff(provider, subject);
            }
        }

        private void finishPage() {
            PolygonPage ended = page;
            close();
            // Until the next page is open, a failure must not leave the stream reading a closed page.
            exhausted = true;
            ended.requireData();
            String url = ended.nextUrl();
            if (url == null) {
                entries.finish();
                return;
            }
            if (!followed.add(url)) {
                throw new ProviderUnavailableException("provider " + provider + " named a page of " + subject
                        + " it had answered already as the next one", null);
            }
            progress.nextPageNamed();
            open(next.apply(url));
            exhausted = false;
        }

        void close() {
            PolygonPage current = page;
            page = null;
            if (current != null) {
                current.close();
            }
        }
    }
}
