package org.stockticker.adapters.airbyte.input;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.domain.SyncSettings;

/**
 * A validated connector configuration: what to sync, where from, which values are secrets, and one sentence for each
 * property the spec does not know (accepted, but worth a warning: it may be a misspelt field).
 */
public record ConnectorConfig(SyncSettings settings, ProviderConfig provider, Set<String> secrets,
        List<String> unknownProperties) {

    public ConnectorConfig {
        Objects.requireNonNull(settings, "settings is required");
        Objects.requireNonNull(provider, "provider is required");
        secrets = Set.copyOf(secrets);
        unknownProperties = List.copyOf(unknownProperties);
    }

    @Override
    public String toString() {
        return "ConnectorConfig[settings=" + settings + ", provider=" + provider + "]";
    }
}
