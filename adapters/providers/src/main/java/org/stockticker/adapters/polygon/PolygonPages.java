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
 * The elements of a chain of Massive pages, aggregates or a list, read from the current page's parser only as far
 * as the consumer asks: each page is a {@link PolygonPage} whose {@code results} hold the elements, and whose
 * {@code next_url} names the next page, asked for only once the consumer wants an element beyond the current page.
 * A chain that brings nothing new is cut ({@link PageProgress}), and so is a {@code next_url} naming a page already
 * read.
 *
 * @param <T> what an element becomes
 */
final class PolygonPages<T> extends Spliterators.AbstractSpliterator<T> {

    /** What a chain of pages makes of its elements; one instance serves one chain, read on one thread. */
    interface Elements<T> {

        /**
         * The element whose first token is the parser's current one, read whole and its progress told to
         * {@code progress}, or empty when it is skipped.
         */
        Optional<T> read(JsonParser parser, PageProgress progress) throws IOException;

        /** The last page ended, naming no next one. */
        void end();

        /** The stream was closed, at its end or before. */
        void close();
    }

    private final ObjectMapper mapper;
    private final String provider;
    private final String subject;
    private final String kind;
    private final Function<String, Response> next;
    private final Elements<T> elements;
    private final PageProgress progress;
    // A server that names a page already read would otherwise be followed round and round.
    private final Set<String> followed = new HashSet<>();
    private PolygonPage page;
    // Streams may ask again after the end; the last page must not be read past its end.
    private boolean exhausted;

    private PolygonPages(ObjectMapper mapper, String provider, String subject, String kind,
            Function<String, Response> next, Elements<T> elements, PageProgress progress) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.mapper = mapper;
        this.provider = provider;
        this.subject = subject;
        this.kind = kind;
        this.next = next;
        this.elements = elements;
        this.progress = progress;
    }

    /**
     * The elements of {@code subject} ("AAPL", "the splits of AAPL", as messages name it), pages of {@code kind}
     * ("bars", "splits"), starting with page {@code first}; {@code next} asks for the page a {@code next_url} names.
     * Closing the stream closes the page being read and the elements.
     */
    static <T> Stream<T> stream(ObjectMapper mapper, String provider, Response first, String subject, String kind,
            Function<String, Response> next, Elements<T> elements, PageProgress progress) {
        PolygonPages<T> pages = new PolygonPages<>(mapper, provider, subject, kind, next, elements, progress);
        pages.open(first);
        return StreamSupport.stream(pages, false).onClose(pages::close).onClose(elements::close);
    }

    private void open(Response response) {
        // The page closes the answer itself when it does not start as a page must.
        page = PolygonPage.open(mapper, response, provider, subject, kind);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        try {
            while (!exhausted) {
                if (page.nextElement()) {
                    Optional<T> element = elements.read(page.parser(), progress);
                    if (element.isPresent()) {
                        action.accept(element.get());
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
            elements.end();
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

    private void close() {
        PolygonPage current = page;
        page = null;
        if (current != null) {
            current.close();
        }
    }
}
