package example;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stockticker.history.Adjustment;
import org.stockticker.history.Bar;
import org.stockticker.history.ProviderSettings;
import org.stockticker.history.StockHistory;

public class Example {

    public static void main(String[] args) {
        // With a Massive key in MASSIVE_API_KEY, from Massive; without, from the bundled sample (no key, no network).
        String key = System.getenv("MASSIVE_API_KEY");
        ProviderSettings settings = key != null
                ? ProviderSettings.massive(key)
                : ProviderSettings.csv(Path.of(args.length > 0 ? args[0] : "../data"));

        try (StockHistory history = StockHistory.open(settings)) {
            // Two symbols, fetched at once within the provider's request budget.
            Map<String, List<Bar>> january = history.dailyBars(List.of("AAPL", "MSFT"),
                    LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31));
            january.forEach((symbol, bars) -> System.out.println(symbol + ": " + bars.size()
                    + " trading days, last close " + bars.get(bars.size() - 1).close()));

            // Closes around AAPL's 4-for-1 split of 2020-08-31, adjusted for its splits and dividends since.
            for (Bar bar : history.adjustedBars("AAPL", LocalDate.of(2020, 8, 27), LocalDate.of(2020, 9, 1),
                    Adjustment.SPLITS_AND_DIVIDENDS)) {
                System.out.println("AAPL " + bar.date() + ": adjusted close " + bar.close());
            }
        }
    }
}
