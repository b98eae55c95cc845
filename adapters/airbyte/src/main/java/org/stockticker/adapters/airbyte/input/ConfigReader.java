package org.stockticker.adapters.airbyte.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.adapters.airbyte.ConnectorSpecificationDocument;
import org.stockticker.adapters.airbyte.Printable;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;
import org.stockticker.domain.UsTradingCalendar;

/**
 * Reads a configuration file and validates it against the specification's own schema before anything else
 * happens. Every problem is reported at once, each naming its field.
 *
 * <p>The provider's {@code oneOf} is checked branch by branch: a schema validator's verdict on a {@code oneOf}
 * ("must match exactly one") tells the user nothing, the chosen branch's verdict does.
 */
public final class ConfigReader {

    /** IEX Cloud's own host no longer answers, so an iex config names its compatible service. */
    static final String IEX_BASE_URL_REQUIRED = "provider.base_url is required for iex: IEX Cloud closed in 2024, so"
            + " set the URL of a service compatible with its API";

    /** What {@code tickers} holds, alone, to ask for the whole market. */
    public static final String WHOLE_MARKET = "*";

    /**
     * The providers that answer every US stock of a trading day in one request, and so can read the whole market:
     * those whose port's reach says so (a test holds the two together).
     */
    public static final Set<String> WHOLE_MARKET_PROVIDERS = Set.of("massive", "polygon");

    private final Clock clock;
    private final JsonSchemaCheck topLevel;
    private final Map<String, JsonSchemaCheck> providers = new TreeMap<>();
    private final Map<String, Set<String>> secretFields = new TreeMap<>();
    private final Set<String> allSecretFields = new HashSet<>();
    private final UnknownProperties unknownProperties;

    public ConfigReader(Clock clock) {
        this.clock = clock;
        ObjectNode schema = (ObjectNode) ConnectorSpecificationDocument.connectionSpecification();
        ObjectNode provider = (ObjectNode) schema.get("properties").get("provider");
        Map<String, Set<String>> providerFields = new TreeMap<>();
        for (JsonNode branch : provider.get("oneOf")) {
            String name = branch.get("properties").get("name").get("const").asText();
            providers.put(name, new JsonSchemaCheck(branch));
            Set<String> fields = new HashSet<>();
            branch.get("properties").fieldNames().forEachRemaining(fields::add);
            providerFields.put(name, fields);
            Set<String> secrets = new HashSet<>();
            branch.get("properties").fields().forEachRemaining(field -> {
                if (field.getValue().path("airbyte_secret").asBoolean(false)) {
                    secrets.add(field.getKey());
                }
            });
            secretFields.put(name, secrets);
            allSecretFields.addAll(secrets);
        }
        provider.remove("oneOf");
        this.topLevel = new JsonSchemaCheck(schema);
        Set<String> topLevelFields = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(topLevelFields::add);
        this.unknownProperties = new UnknownProperties(topLevelFields, providerFields);
    }

    public ConnectorConfig read(Path path) {
        return parse(new InputFile("--config", path).json());
    }

    ConnectorConfig parse(JsonNode config) {
        if (!config.isObject()) {
            throw new InvalidInputException("Invalid config: it must be a JSON object");
        }
        List<String> problems = new ArrayList<>(topLevel.problems(config, "", allSecretFields));
        JsonNode provider = config.path("provider");
        String providerName = null;
        if (provider.isObject()) {
            JsonNode name = provider.get("name");
            if (name == null || name.isNull()) {
                problems.add("provider.name is required: one of " + String.join(", ", providers.keySet()));
            } else if (!name.isTextual()) {
                problems.add("provider.name must be a string: one of " + String.join(", ", providers.keySet()));
            } else if (!providers.containsKey(name.asText())) {
                problems.add("provider.name '" + Printable.shown(name.asText()) + "' is not one of: "
                        + String.join(", ", providers.keySet()));
            } else {
                providerName = name.asText();
                problems.addAll(providers.get(providerName).problems(provider, "provider", allSecretFields));
                if ("iex".equals(providerName)) {
                    problems.replaceAll(problem -> problem.equals("provider.base_url is required")
                            ? IEX_BASE_URL_REQUIRED : problem);
                }
            }
        }
        problems.addAll(problemsBeyondTheSchema(config));
        if (providerName != null && wholeMarket(config) && !WHOLE_MARKET_PROVIDERS.contains(providerName)) {
            problems.add(InvalidInputException.wholeMarketRefused(providerName,
                    String.join(", ", new TreeSet<>(WHOLE_MARKET_PROVIDERS))));
        }
        List<UnknownProperties.Note> unknown = unknownProperties.notes(config, providerName);
        if (!problems.isEmpty()) {
            // A misspelt required field is reported as missing: its likely meaning belongs in the same message.
            unknown.stream().filter(UnknownProperties.Note::closeToAKnownName)
                    .forEach(note -> problems.add(note.sentence()));
            throw new InvalidInputException("Invalid config: " + String.join("; ", problems));
        }
        ProviderConfig providerConfig = new ProviderConfig(providerName, providerValues(config, provider));
        Set<String> secrets = new HashSet<>();
        for (String field : secretFields.get(providerName)) {
            providerConfig.string(field).filter(s -> !s.isBlank()).ifPresent(secrets::add);
        }
        if (providerConfig.properties().containsKey("base_url")) {
            try {
                providerConfig.baseUrl("");
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Invalid config: " + e.getMessage());
            }
        }
        return new ConnectorConfig(settings(config), providerConfig, secrets,
                unknown.stream().map(UnknownProperties.Note::sentence).toList());
    }

    /**
     * What the schema cannot say: tickers named twice in different case, and a start after the end. Checked
     * alongside the schema, so that every problem is reported at once.
     */
    private List<String> problemsBeyondTheSchema(JsonNode config) {
        List<String> problems = new ArrayList<>();
        JsonNode tickers = config.path("tickers");
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (JsonNode ticker : tickers.isArray() ? tickers : AirbyteJson.mapper().createArrayNode()) {
            if (ticker.isTextual() && !seen.add(ticker.asText().toUpperCase(Locale.ROOT))) {
                twice.add(ticker.asText().toUpperCase(Locale.ROOT));
            }
        }
        twice.forEach(symbol -> problems.add("tickers names " + Printable.shown(symbol) + " more than once"));
        if (seen.contains(WHOLE_MARKET) && seen.size() > 1) {
            problems.add("tickers names \"*\" (the whole market) beside other symbols: \"*\" is only valid alone");
        }
        LocalDate start = dateOrNull(config.path("start_date"));
        LocalDate end = dateOrNull(config.path("end_date"));
        if (start != null && end != null && start.isAfter(end)) {
            problems.add("start_date " + start + " is after end_date " + end);
        }
        return problems;
    }

    private static LocalDate dateOrNull(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean wholeMarket(JsonNode config) {
        JsonNode tickers = config.path("tickers");
        return tickers.isArray() && tickers.size() == 1 && WHOLE_MARKET.equals(tickers.get(0).asText());
    }

    private SyncSettings settings(JsonNode config) {
        LocalDate start = date(config, "start_date");
        LocalDate end = config.hasNonNull("end_date") ? date(config, "end_date")
                : LocalDate.now(clock.withZone(UsTradingCalendar.ZONE));
        int lookback = config.path("lookback_days").asInt(0);
        boolean reread = config.path("reread_history_on_adjustment").asBoolean(true);
        if (wholeMarket(config)) {
            try {
                return SyncSettings.wholeMarket(start, end, lookback, reread);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Invalid config: " + e.getMessage());
            }
        }
        List<Symbol> tickers = new ArrayList<>();
        JsonNode list = config.get("tickers");
        for (int i = 0; i < list.size(); i++) {
            try {
                tickers.add(Symbol.parse(list.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Invalid config: tickers[" + i + "]: " + e.getMessage());
            }
        }
        try {
            return new SyncSettings(tickers, start, end, lookback, reread);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid config: " + e.getMessage());
        }
    }

    private static LocalDate date(JsonNode config, String field) {
        String text = config.get(field).asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Invalid config: " + field + " '" + Printable.shown(text)
                    + "' is not a real calendar date (YYYY-MM-DD)");
        }
    }

    /**
     * The provider's own settings, with the top level's {@code max_wait_minutes}: the provider's client is what
     * waits. The same name inside {@code provider} is not the setting (the spec has it at the top level only).
     */
    private static Map<String, Object> providerValues(JsonNode config, JsonNode provider) {
        Map<String, Object> values = plainValues(provider);
        values.remove(ProviderConfig.MAX_WAIT_MINUTES);
        if (config.hasNonNull(ProviderConfig.MAX_WAIT_MINUTES)) {
            values.put(ProviderConfig.MAX_WAIT_MINUTES, plainValue(config.get(ProviderConfig.MAX_WAIT_MINUTES)));
        }
        return values;
    }

    private static Map<String, Object> plainValues(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), plainValue(field.getValue())));
        return values;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isObject()) {
            return plainValues(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(plainValue(item)));
            return items;
        }
        return null;
    }
}
