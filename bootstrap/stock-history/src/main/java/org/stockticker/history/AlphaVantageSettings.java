package org.stockticker.history;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of Alpha Vantage: daily prices, splits, dividends and listings. Its free plan allows 25 requests a
 * day and 5 a minute, the defaults.
 */
public final class AlphaVantageSettings extends NetworkProviderSettings<AlphaVantageSettings> {

    static final String NAME = "alpha_vantage";
    static final Set<String> SETTINGS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(API_KEY, BASE_URL,
            REQUESTS_PER_MINUTE, REQUESTS_PER_DAY, MAX_WAIT_MINUTES, TIMEOUT_SECONDS, MAX_ATTEMPTS)));

    AlphaVantageSettings(Map<String, Object> values) {
        super(NAME, values);
    }

    @Override
    AlphaVantageSettings copy(Map<String, Object> values) {
        return new AlphaVantageSettings(values);
    }

    /**
     * The most requests sent in a day, counted in UTC ({@code requests_per_day}; 25 unless set): the plan's quota.
     * Past it, a request throws {@link QuotaExhaustedException} naming midnight UTC.
     *
     * @param requests at least 1
     * @return the settings with it
     */
    public AlphaVantageSettings requestsPerDay(int requests) {
        return copy(with(REQUESTS_PER_DAY, requests));
    }
}
