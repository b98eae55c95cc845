package org.stockticker.history;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of Tiingo: end-of-day prices with their splits and dividends, and listings. Its free plan allows
 * about 50 requests an hour and 1,000 a day, the defaults, paced at one a minute.
 */
public final class TiingoSettings extends NetworkProviderSettings<TiingoSettings> {

    static final String NAME = "tiingo";
    static final Set<String> SETTINGS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(API_KEY, BASE_URL,
            REQUESTS_PER_MINUTE, REQUESTS_PER_HOUR, REQUESTS_PER_DAY, MAX_WAIT_MINUTES, TIMEOUT_SECONDS,
            MAX_ATTEMPTS)));

    TiingoSettings(Map<String, Object> values) {
        super(NAME, values);
    }

    @Override
    TiingoSettings copy(Map<String, Object> values) {
        return new TiingoSettings(values);
    }

    /**
     * The most requests sent in a clock hour, counted in UTC ({@code requests_per_hour}; 50 unless set).
     *
     * @param requests at least 1
     * @return the settings with it
     */
    public TiingoSettings requestsPerHour(int requests) {
        return copy(with(REQUESTS_PER_HOUR, requests));
    }

    /**
     * The most requests sent in a day, counted in UTC ({@code requests_per_day}; 1,000 unless set).
     *
     * @param requests at least 1
     * @return the settings with it
     */
    public TiingoSettings requestsPerDay(int requests) {
        return copy(with(REQUESTS_PER_DAY, requests));
    }
}
