package org.stockticker.adapters.polygon;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Ends a chain of {@code next_url} pages that does not get anywhere, so that a provider cannot keep a read going
 * page after page: a page brings progress when it holds a bar of the window dated after every bar before it.
 *
 * <p>The chain is cut after {@value #MAX_PAGES_WITHOUT_PROGRESS} pages in a row without progress (empty pages, or
 * pages of days already read), and once it is longer than any real answer for the window could be: each real page
 * brings at least one new day of it, so a window of N days needs at most N pages and a closing empty one; never
 * more than {@value #MAX_PAGES} in all.
 */
final class PageProgress {

    /** Pages in a row without a new bar after which the chain is cut. */
    static final int MAX_PAGES_WITHOUT_PROGRESS = 5;

    /** The most pages of one window, whatever its length. */
    static final int MAX_PAGES = 1000;

    private final String provider;
    private final Symbol symbol;
    private final int maxPages;
    private LocalDate latest;
    private boolean advanced;
    private int pages;
    private int pagesWithoutProgress;

    PageProgress(String provider, Symbol symbol, DateWindow window) {
        this.provider = provider;
        this.symbol = symbol;
        long days = ChronoUnit.DAYS.between(window.from(), window.to()) + 1;
        this.maxPages = (int) Math.min(MAX_PAGES, days + MAX_PAGES_WITHOUT_PROGRESS);
    }

    /** A bar of the window dated {@code day} was read on the current page. */
    void bar(LocalDate day) {
        if (latest == null || day.isAfter(latest)) {
            latest = day;
            advanced = true;
        }
    }

    /**
     * The current page ended and names a next one.
     *
     * @throws ProviderUnavailableException naming the symbol and why, when the next one must not be asked for
     */
    void nextPageNamed() {
        pages++;
        pagesWithoutProgress = advanced ? 0 : pagesWithoutProgress + 1;
        advanced = false;
        if (pagesWithoutProgress >= MAX_PAGES_WITHOUT_PROGRESS) {
            throw cut("sent " + pagesWithoutProgress + " pages in a row without a new bar of " + symbol
                    + ", each naming another");
        }
        if (pages >= maxPages) {
            throw cut("named more than " + pages + " pages for " + symbol + ", more than its window can fill");
        }
    }

    private ProviderUnavailableException cut(String why) {
        return new ProviderUnavailableException("provider " + provider + " " + why
                + "; the rest of its pages were not read", null);
    }
}
