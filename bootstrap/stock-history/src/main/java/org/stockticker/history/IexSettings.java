package org.stockticker.history;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a service that answers like IEX Cloud's API: its charts, splits, dividends and company data.
 * IEX Cloud itself closed in August 2024, so there is no default host.
 */
public final class IexSettings extends NetworkProviderSettings<IexSettings> {

    static final String NAME = "iex";
    static final Set<String> SETTINGS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(API_KEY, BASE_URL,
            REQUESTS_PER_MINUTE, MAX_WAIT_MINUTES, TIMEOUT_SECONDS, MAX_ATTEMPTS)));

    IexSettings(Map<String, Object> values) {
        super(NAME, values);
    }

    @Override
    IexSettings copy(Map<String, Object> values) {
        return new IexSettings(values);
    }
}
