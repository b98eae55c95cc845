package org.stockticker.adapters.airbyte.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockticker.adapters.airbyte.AirbyteJson;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.domain.Symbol;

class ConfigReaderTest {

    private static final String SECRET = "sk_SECRET_12345";

    /** 23:30 in New York on 10 March is already 11 March in UTC: the default end date must follow UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-11T03:30:00Z"), ZoneId.of("America/New_York"));

    private final ConfigReader reader = new ConfigReader(CLOCK);

    @TempDir
    Path tmp;

    @Test
    void reads_a_csv_config_with_upper_cased_tickers_and_defaults() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['aapl', 'Brk.b', 'MSFT'], 'start_date': '2020-01-02',
                 'provider': {'name': 'csv', 'path': '/data/prices'}}"""));

        assertThat(config.settings().tickers())
                .containsExactly(new Symbol("AAPL"), new Symbol("BRK.B"), new Symbol("MSFT"));
        assertThat(config.settings().startDate()).isEqualTo(LocalDate.of(2020, 1, 2));
        // 03:30 in UTC on March 11th is still March 10th in New York, where US listings trade.
        assertThat(config.settings().endDate()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(config.settings().lookbackDays()).isZero();
        assertThat(config.provider().name()).isEqualTo("csv");
        assertThat(config.provider().properties()).containsEntry("path", "/data/prices");
        assertThat(config.secrets()).isEmpty();
    }

    @Test
    void reads_an_iex_config_whose_api_key_is_a_secret() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['msft'], 'start_date': '2023-01-03', 'end_date': '2023-12-29', 'lookback_days': 5,
                 'provider': {'name': 'iex', 'api_key': 'sk_SECRET_12345',
                              'base_url': 'https://sandbox.example.com/stable', 'requests_per_minute': 600}}"""));

        assertThat(config.settings().tickers()).containsExactly(new Symbol("MSFT"));
        assertThat(config.settings().startDate()).isEqualTo(LocalDate.of(2023, 1, 3));
        assertThat(config.settings().endDate()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(config.settings().lookbackDays()).isEqualTo(5);
        assertThat(config.provider().name()).isEqualTo("iex");
        assertThat(config.provider().requiredString("api_key")).isEqualTo(SECRET);
        assertThat(config.provider().integer("requests_per_minute")).hasValue(600);
        assertThat(config.secrets()).containsExactly(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void hands_the_top_level_longest_wait_to_the_provider_whose_client_waits() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['msft'], 'start_date': '2023-01-03', 'max_wait_minutes': 90,
                 'provider': {'name': 'tiingo', 'api_key': 'TK_SECRET', 'requests_per_hour': 500,
                              'requests_per_day': 20000, 'max_wait_minutes': 5}}"""));

        assertThat(config.provider().integer("max_wait_minutes")).hasValue(90);
        assertThat(config.provider().integer("requests_per_hour")).hasValue(500);
        assertThat(config.provider().integer("requests_per_day")).hasValue(20000);
    }

    @Test
    void leaves_the_longest_wait_to_its_default_when_the_top_level_has_none() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['msft'], 'start_date': '2023-01-03',
                 'provider': {'name': 'alpha_vantage', 'api_key': 'AV_SECRET', 'max_wait_minutes': 5}}"""));

        assertThat(config.provider().properties()).doesNotContainKey("max_wait_minutes");
    }

    @Test
    void refuses_budgets_and_a_longest_wait_below_one_naming_each() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['msft'], 'start_date': '2023-01-03', 'max_wait_minutes': 0,
                 'provider': {'name': 'tiingo', 'api_key': 'TK_SECRET', 'requests_per_hour': 0,
                              'requests_per_day': -1}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_wait_minutes")
                .hasMessageContaining("provider.requests_per_hour")
                .hasMessageContaining("provider.requests_per_day");
    }

    @Test
    void accepts_a_loopback_http_base_url() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03',
                 'provider': {'name': 'iex', 'api_key': 'sk_SECRET_12345', 'base_url': 'http://127.0.0.1:8089'}}"""));

        assertThat(config.provider().baseUrl("").toString()).isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void requires_an_iex_base_url_since_iex_cloud_itself_closed() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03',
                 'provider': {'name': 'iex', 'api_key': 'sk_SECRET_12345'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.base_url is required for iex: IEX Cloud closed in 2024");
    }

    @Test
    void a_lone_star_asks_massive_for_the_whole_market() {
        for (String name : List.of("massive", "polygon")) {
            ConnectorConfig config = reader.parse(json("""
                    {'tickers': ['*'], 'start_date': '2024-03-01', 'end_date': '2024-03-08',
                     'provider': {'name': '%s', 'api_key': 'PK_SECRET'}}""".formatted(name)));

            assertThat(config.settings().wholeMarket()).isTrue();
            assertThat(config.settings().tickers()).isEmpty();
        }
    }

    @Test
    void the_whole_market_is_refused_with_a_provider_that_answers_one_symbol_per_request_naming_it() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['*'], 'start_date': '2024-03-01',
                 'provider': {'name': 'tiingo', 'api_key': 'TK_SECRET'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("whole market").hasMessageContaining("provider tiingo")
                .hasMessageContaining("massive");
    }

    @Test
    void the_whole_market_star_is_only_valid_alone() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['*', 'AAPL'], 'start_date': '2024-03-01',
                 'provider': {'name': 'massive', 'api_key': 'PK_SECRET'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only valid alone");
    }

    @Test
    void accepts_massive_and_its_former_name_polygon_with_the_default_base_url() {
        for (String name : List.of("massive", "polygon")) {
            ConnectorConfig config = reader.parse(json("""
                    {'tickers': ['AAPL'], 'start_date': '2023-01-03',
                     'provider': {'name': '%s', 'api_key': 'PK_SECRET'}}""".formatted(name)));

            assertThat(config.provider().name()).isEqualTo(name);
        }
    }

    @Test
    void accepts_unknown_properties_at_top_level_and_in_the_provider() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03', 'x_note': {'owner': 'research'}, 'x_flag': true,
                 'provider': {'name': 'iex', 'api_key': 'sk_SECRET_12345', 'base_url': 'https://iex.example.com',
                              'x_region': 'us-east', 'x_tier': 3}}"""));

        assertThat(config.settings().tickers()).containsExactly(new Symbol("AAPL"));
        assertThat(config.provider().properties()).containsEntry("x_region", "us-east").containsEntry("x_tier", 3);
    }

    @Test
    void names_each_unknown_property_with_the_closest_known_name_when_one_is_close() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03', 'end_dte': '2023-06-30', 'x_note': 'research',
                 'api_key': 'sk_SECRET_12345',
                 'provider': {'name': 'polygon', 'api_key': 'sk_SECRET_12345', 'adjustd': true, 'path': '/d'}}"""));

        assertThat(config.unknownProperties()).containsExactly(
                "Unknown config property end_dte is ignored: did you mean end_date?",
                "Unknown config property x_note is ignored",
                "Unknown config property api_key is ignored: did you mean provider.api_key?",
                "Unknown config property provider.adjustd is ignored: did you mean provider.adjusted?",
                "Unknown config property provider.path is ignored: it is a setting of provider csv, not of polygon");
        assertThat(config.unknownProperties()).noneMatch(note -> note.contains(SECRET));
        assertThat(config.settings().endDate()).as("the misspelt end date is not read").isEqualTo(LocalDate.of(2024, 3, 10));
    }

    @Test
    void the_timeout_and_the_attempts_are_settings_of_every_network_provider_and_of_no_file_provider() {
        for (String name : List.of("massive", "polygon", "alpha_vantage", "tiingo")) {
            ConnectorConfig config = reader.parse(json("""
                    {'tickers': ['AAPL'], 'start_date': '2023-01-03',
                     'provider': {'name': '%s', 'api_key': 'PK_SECRET', 'timeout_seconds': 20, 'max_attempts': 2}}"""
                    .formatted(name)));

            assertThat(config.unknownProperties()).as(name).isEmpty();
            assertThat(config.provider().properties()).containsEntry("timeout_seconds", 20)
                    .containsEntry("max_attempts", 2);
        }
        ConnectorConfig csv = reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03',
                 'provider': {'name': 'csv', 'path': '/d', 'max_attempts': 2}}"""));
        assertThat(csv.unknownProperties()).singleElement().asString().startsWith(
                "Unknown config property provider.max_attempts is ignored");
    }

    @Test
    void a_config_of_known_properties_only_has_no_unknown_ones() {
        ConnectorConfig config = reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03', 'end_date': '2023-06-30', 'lookback_days': 2,
                 'provider': {'name': 'csv', 'path': '/data'}}"""));

        assertThat(config.unknownProperties()).isEmpty();
    }

    @Test
    void a_misspelt_required_field_is_refused_with_its_likely_name() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['AAPL'], 'strat_date': '2023-01-03', 'provider': {'name': 'csv', 'path': '/data'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid config: start_date is required;"
                        + " Unknown config property strat_date is ignored: did you mean start_date?");
    }

    @Test
    void a_date_in_the_wrong_format_is_reported_once_in_words() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023/01/02', 'end_date': '2023-02-30',
                 'provider': {'name': 'csv', 'path': '/data'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid config: start_date: \"2023/01/02\" is not a date written YYYY-MM-DD, such as"
                        + " 2024-01-31; end_date: \"2023-02-30\" is not a real calendar date (YYYY-MM-DD: year, month"
                        + " 01 to 12, day of that month)");
    }

    @Test
    void reads_a_config_file() throws IOException {
        Path file = Files.writeString(tmp.resolve("config.json"), """
                {"tickers": ["aapl"], "start_date": "2024-01-02", "end_date": "2024-01-31",
                 "provider": {"name": "csv", "path": "prices"}}
                """);

        ConnectorConfig config = reader.read(file);

        assertThat(config.settings().tickers()).containsExactly(new Symbol("AAPL"));
        assertThat(config.settings().endDate()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    static Stream<Arguments> bad_configs() {
        String csv = "'provider': {'name': 'csv', 'path': '/data'}";
        String dates = "'start_date': '2023-01-03'";
        String tickers = "'tickers': ['AAPL']";
        String many = IntStream.rangeClosed(1, 501).mapToObj(i -> "'T" + i + "'").collect(Collectors.joining(","));
        return Stream.of(
                arguments("missing tickers", "{" + dates + ", " + csv + "}", "tickers"),
                arguments("empty tickers", "{'tickers': [], " + dates + ", " + csv + "}", "tickers"),
                arguments("501 tickers", "{'tickers': [" + many + "], " + dates + ", " + csv + "}", "tickers"),
                arguments("the same ticker in two cases", "{'tickers': ['aapl', 'AAPL'], " + dates + ", " + csv + "}",
                        "tickers"),
                arguments("a ticker with a space", "{'tickers': ['MSFT', 'BRK B'], " + dates + ", " + csv + "}",
                        "tickers"),
                arguments("a ticker with a slash", "{'tickers': ['BRK/B'], " + dates + ", " + csv + "}", "tickers"),
                arguments("a star inside a ticker", "{'tickers': ['A*'], " + dates + ", " + csv + "}", "tickers"),
                arguments("two stars", "{'tickers': ['**'], " + dates + ", " + csv + "}", "tickers"),
                arguments("a ticker '..'", "{'tickers': ['..'], " + dates + ", " + csv + "}", "tickers"),
                arguments("a ticker with a leading dot", "{'tickers': ['.AAPL'], " + dates + ", " + csv + "}",
                        "tickers"),
                arguments("a ticker that is not a string", "{'tickers': ['AAPL', 42], " + dates + ", " + csv + "}",
                        "tickers"),
                arguments("tickers not an array", "{'tickers': 'AAPL', " + dates + ", " + csv + "}", "tickers"),
                arguments("missing start_date", "{" + tickers + ", " + csv + "}", "start_date"),
                arguments("start_date not a calendar day",
                        "{" + tickers + ", 'start_date': '2023-02-30', " + csv + "}", "start_date"),
                arguments("start_date with slashes", "{" + tickers + ", 'start_date': '2023/01/01', " + csv + "}",
                        "start_date"),
                arguments("end_date before start_date",
                        "{" + tickers + ", 'start_date': '2023-01-03', 'end_date': '2023-01-02', " + csv + "}",
                        "end_date"),
                arguments("negative lookback_days",
                        "{" + tickers + ", " + dates + ", 'lookback_days': -1, " + csv + "}", "lookback_days"),
                arguments("lookback_days as a string",
                        "{" + tickers + ", " + dates + ", 'lookback_days': '3', " + csv + "}", "lookback_days"),
                arguments("missing provider", "{" + tickers + ", " + dates + "}", "provider"),
                arguments("provider not an object", "{" + tickers + ", " + dates + ", 'provider': 'csv'}", "provider"),
                arguments("provider without name",
                        "{" + tickers + ", " + dates + ", 'provider': {'path': '/data'}}", "provider.name"),
                arguments("csv without path", "{" + tickers + ", " + dates + ", 'provider': {'name': 'csv'}}",
                        "path"),
                arguments("a config that is a JSON array", "[" + "{" + tickers + ", " + dates + ", " + csv + "}]",
                        "JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_configs(String problem, String config, String named) {
        assertThatThrownBy(() -> reader.parse(json(config)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid config: ")
                .hasMessageContaining(named);
    }

    @Test
    void names_a_bad_ticker_by_its_index_in_brackets() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['MSFT', 'BRK/B'], 'start_date': '2023-01-03', 'provider': {'name': 'csv', 'path': '/d'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tickers[1]");
    }

    @Test
    void an_unknown_provider_name_lists_the_known_ones() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': ['AAPL'], 'start_date': '2023-01-03', 'provider': {'name': 'yahoo'}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provider.name")
                .hasMessageContaining("yahoo")
                .hasMessageContaining("csv")
                .hasMessageContaining("iex");
    }

    static Stream<Arguments> bad_iex_configs() {
        return Stream.of(
                arguments("iex without api_key", Map.of(), "{'name': 'iex'}", "api_key"),
                arguments("iex api_key a number", Map.of(), "{'name': 'iex', 'api_key': 12345}", "provider.api_key"),
                arguments("iex api_key an array holding the key", Map.of(),
                        "{'name': 'iex', 'api_key': ['sk_SECRET_12345']}", "provider.api_key"),
                arguments("iex base_url over plain http to a remote host", Map.of(),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345', 'base_url': 'http://example.com'}",
                        "provider.base_url"),
                arguments("iex base_url that is not a URL", Map.of(),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345', 'base_url': 'cloud.iexapis.com'}",
                        "provider.base_url"),
                arguments("iex requests_per_minute 0", Map.of(),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345', 'requests_per_minute': 0}",
                        "provider.requests_per_minute"),
                arguments("iex requests_per_minute a string", Map.of(),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345', 'requests_per_minute': 'many'}",
                        "provider.requests_per_minute"),
                arguments("iex with a good key but a bad ticker", Map.of("tickers", "['AA PL']"),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345'}", "tickers"),
                arguments("iex with a good key but a bad start_date", Map.of("start_date", "'2023-02-30'"),
                        "{'name': 'iex', 'api_key': 'sk_SECRET_12345'}", "start_date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_iex_configs(String problem, Map<String, String> overrides, String provider, String named) {
        String config = "{'tickers': " + overrides.getOrDefault("tickers", "['AAPL']")
                + ", 'start_date': " + overrides.getOrDefault("start_date", "'2023-01-03'")
                + ", 'provider': " + provider + "}";

        assertThatThrownBy(() -> reader.parse(json(config)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(named)
                .message().doesNotContain(SECRET);
    }

    @Test
    void reports_every_problem_at_once() {
        assertThatThrownBy(() -> reader.parse(json("""
                {'tickers': [], 'start_date': '2023/01/01', 'lookback_days': -2,
                 'provider': {'name': 'iex', 'api_key': 'sk_SECRET_12345', 'requests_per_minute': 0}}""")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tickers")
                .hasMessageContaining("start_date")
                .hasMessageContaining("lookback_days")
                .hasMessageContaining("provider.requests_per_minute")
                .message().doesNotContain(SECRET);
    }

    @Test
    void an_empty_config_file_is_refused() throws IOException {
        Path file = Files.writeString(tmp.resolve("config.json"), "  \n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining("empty");
    }

    @Test
    void a_missing_config_file_is_refused() {
        Path missing = tmp.resolve("no-such-config.json");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void a_config_file_that_is_not_json_gives_line_and_column() throws IOException {
        Path file = Files.writeString(tmp.resolve("config.json"), "{\n  \"tickers\": [\"AAPL\",,]\n}\n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining("not valid JSON")
                .hasMessageMatching("(?s).*line 2, column \\d+.*");
    }

    @Test
    void a_config_file_above_the_size_limit_is_refused_before_parsing() throws IOException {
        Path file = tmp.resolve("config.json");
        byte[] content = new byte[(int) InputFile.MAX_BYTES + 1];
        java.util.Arrays.fill(content, (byte) ' ');
        content[0] = '{';
        content[content.length - 1] = '}';
        Files.write(file, content);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--config")
                .hasMessageContaining(String.valueOf(InputFile.MAX_BYTES + 1))
                .hasMessageContaining("at most " + InputFile.MAX_BYTES);
    }

    /** JSON written with single quotes, for readability. */
    private static JsonNode json(String singleQuoted) {
        try {
            return AirbyteJson.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test config is not JSON: " + singleQuoted, e);
        }
    }
}
