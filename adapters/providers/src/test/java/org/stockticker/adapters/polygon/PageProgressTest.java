package org.stockticker.adapters.polygon;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * When a chain of next_url pages is cut: pages in a row without a new bar or entry, and more pages than a window can
 * fill or a list can have.
 */
class PageProgressTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final LocalDate MONDAY = LocalDate.parse("2024-05-06");

    @Test
    void follows_pages_that_each_bring_a_new_day_as_far_as_the_window_reaches() {
        PageProgress progress = new PageProgress(PolygonPriceProvider.FORMER_NAME, AAPL, new DateWindow(MONDAY, MONDAY.plusDays(29)));

        assertThatCode(() -> {
            for (int day = 0; day < 30; day++) {
                progress.bar(MONDAY.plusDays(day));
                progress.nextPageNamed();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void allows_four_pages_in_a_row_without_a_new_bar_and_cuts_at_the_fifth() {
        PageProgress progress = new PageProgress(PolygonPriceProvider.FORMER_NAME, AAPL, new DateWindow(MONDAY, MONDAY.plusDays(364)));
        progress.bar(MONDAY);
        progress.nextPageNamed();
        for (int page = 0; page < 4; page++) {
            progress.bar(MONDAY);
            progress.nextPageNamed();
        }
        progress.bar(MONDAY.plusDays(1));
        progress.nextPageNamed();
        for (int page = 0; page < 4; page++) {
            progress.nextPageNamed();
        }

        assertThatThrownBy(progress::nextPageNamed)
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon sent 5 pages in a row without a new bar of AAPL, each naming another;"
                        + " the rest of its pages were not read");
    }

    @Test
    void cuts_a_chain_longer_than_its_window_can_fill_even_with_a_new_day_now_and_then() {
        PageProgress progress = new PageProgress(PolygonPriceProvider.FORMER_NAME, AAPL, new DateWindow(MONDAY, MONDAY.plusDays(2)));
        progress.bar(MONDAY);
        progress.nextPageNamed();
        for (int page = 0; page < 4; page++) {
            progress.nextPageNamed();
        }
        progress.bar(MONDAY.plusDays(1));
        progress.nextPageNamed();
        progress.nextPageNamed();

        assertThatThrownBy(progress::nextPageNamed)
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider polygon named more than 8 pages for AAPL, more than its window can fill;"
                        + " the rest of its pages were not read");
    }

    @Test
    void cuts_a_list_at_the_fifth_page_in_a_row_without_a_new_entry() {
        PageProgress progress = PageProgress.ofList(PolygonPriceProvider.NAME, "the splits of AAPL");
        for (int page = 0; page < 4; page++) {
            progress.nextPageNamed();
        }
        progress.newEntry();
        progress.nextPageNamed();
        for (int page = 0; page < 4; page++) {
            progress.nextPageNamed();
        }

        assertThatThrownBy(progress::nextPageNamed)
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive sent 5 pages in a row without a new entry in the splits of AAPL, each"
                        + " naming another; the rest of its pages were not read");
    }

    @Test
    void cuts_a_list_longer_than_a_thousand_pages_even_with_a_new_entry_on_each() {
        PageProgress progress = PageProgress.ofList(PolygonPriceProvider.NAME, "the US stock listings");
        for (int page = 1; page < PageProgress.MAX_PAGES; page++) {
            progress.newEntry();
            progress.nextPageNamed();
        }
        progress.newEntry();

        assertThatThrownBy(progress::nextPageNamed)
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("provider massive named more than 1000 pages for the US stock listings, more than any"
                        + " such list has; the rest of its pages were not read");
    }
}
