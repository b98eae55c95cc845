package org.stockticker.application.port.in;

import java.util.stream.Stream;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/** Gives a symbol's daily bars over a window, for callers that want history rather than a sync. */
public interface LoadDailyBarsUseCase {

    /** The bars of {@code symbol} within {@code window}, ascending by date, each date once; close the stream. */
    Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window);
}
