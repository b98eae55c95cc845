package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stockticker.adapters.airbyte.Printable;
import org.stockticker.application.port.in.KnownNames;

/**
 * Finds the properties of a config that the spec does not know, at the top level and in the chosen provider, each
 * with the closest known name when one is close: a misspelt optional field ({@code end_dte}) is accepted like any
 * unknown property, and would otherwise go unnoticed while its default applies.
 */
final class UnknownProperties {

    private final Set<String> topLevel;
    private final Map<String, Set<String>> providerFields;

    /** Knows {@code topLevel} names and, per provider name, the names of that provider's settings. */
    UnknownProperties(Set<String> topLevel, Map<String, Set<String>> providerFields) {
        this.topLevel = Set.copyOf(topLevel);
        this.providerFields = Map.copyOf(providerFields);
    }

    /** One unknown property: a sentence for the user, and whether a known name is close to it (a likely typo). */
    record Note(String sentence, boolean closeToAKnownName) {
    }

    /**
     * One note per unknown property of {@code config}: its path, and what it was probably meant to be. The
     * provider's properties are compared with {@code providerName}'s settings; when that name is unknown, they are
     * not compared at all (the config is refused anyway).
     */
    List<Note> notes(JsonNode config, String providerName) {
        List<Note> notes = new ArrayList<>();
        Set<String> providerKnown = providerName == null ? Set.of() : providerFields.get(providerName);
        config.fieldNames().forEachRemaining(name -> {
            if (!topLevel.contains(name)) {
                Optional<String> hint = providerKnown.contains(name) ? Optional.of("provider." + name)
                        : KnownNames.closest(name, topLevel);
                notes.add(note(name, hint.map(known -> "did you mean " + known + "?")));
            }
        });
        JsonNode provider = config.path("provider");
        if (providerName != null && provider.isObject()) {
            provider.fieldNames().forEachRemaining(name -> {
                if (!providerKnown.contains(name)) {
                    notes.add(note("provider." + name, KnownNames.closest(name, providerKnown)
                            .map(known -> "did you mean provider." + known + "?")
                            .or(() -> otherProvider(name, providerName))));
                }
            });
        }
        return notes;
    }

    private Optional<String> otherProvider(String name, String providerName) {
        return providerFields.entrySet().stream()
                .filter(entry -> entry.getValue().contains(name))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .map(other -> "it is a setting of provider " + other + ", not of " + providerName);
    }

    private static Note note(String path, Optional<String> hint) {
        return new Note("Unknown config property " + Printable.shown(path) + " is ignored" + hint.map(h -> ": " + h)
                .orElse(""), hint.isPresent());
    }
}
