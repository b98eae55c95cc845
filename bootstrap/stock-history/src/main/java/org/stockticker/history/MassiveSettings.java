package org.stockticker.history;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of Massive (formerly Polygon.io): its daily aggregates, splits, dividends and tickers. Its free plan
 * allows 5 requests a minute, the default pace.
 */
public final class MassiveSettings extends NetworkProviderSettings<MassiveSettings> {

    static final String NAME = "massive";
    static final String FORMER_NAME = "polygon";
    static final String ADJUSTED = "adjusted";
    static final Set<String> SETTINGS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(API_KEY, BASE_URL,
            REQUESTS_PER_MINUTE, MAX_WAIT_MINUTES, TIMEOUT_SECONDS, MAX_ATTEMPTS, ADJUSTED)));

    MassiveSettings(Map<String, Object> values) {
        this(NAME, values);
    }

    MassiveSettings(String name, Map<String, Object> values) {
        super(name, values);
    }

    @Override
    MassiveSettings copy(Map<String, Object> values) {
        return new MassiveSettings(provider(), values);
    }

    /**
     * Whether bars come split-adjusted from Massive ({@code adjusted}; false unless set, as traded). Adjusted bars
     * ({@link StockHistory#adjustedBars}) are computed from as-traded bars, and refuse settings with this on.
     *
     * @param adjusted true for Massive's split-adjusted prices
     * @return the settings with it
     */
    public MassiveSettings adjusted(boolean adjusted) {
        return copy(with(ADJUSTED, adjusted));
    }
}
