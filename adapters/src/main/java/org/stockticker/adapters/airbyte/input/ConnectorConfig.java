package org.stockticker.adapters.airbyte.input;

import java.util.Objects;
import java.util.Set;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.domain.SyncSettings;

/** A validated connector configuration: what to sync, where from, and which values are secrets. */
public record ConnectorConfig(SyncSettings settings, ProviderConfig provider, Set<String> secrets) {

    public ConnectorConfig {
        Objects.requireNonNull(settings, "settings is required");
        Objects.requireNonNull(provider, "provider is required");
        secrets = Set.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "ConnectorConfig[settings=" + settings + ", provider=" + provider + "]";
    }
}
