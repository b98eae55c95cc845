package org.stockticker.adapters.iex;

import feign.Response;
import java.util.stream.Stream;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * IEX chart answers read into daily bars without sending a request, exactly as {@link IexPriceProvider} reads them:
 * the seam through which the benchmarks measure the reader, which otherwise stays inside this package.
 */
public final class IexChartAnswers {

    private final IexChartReader reader = new IexChartReader(ExactJson.mapper());

    /** The bars of the chart answer {@code response} within {@code window}; closing the stream closes the response. */
    public Stream<DailyBar> bars(Response response, Symbol symbol, DateWindow window) {
        return reader.bars(response, symbol, window);
    }
}
