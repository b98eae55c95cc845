package org.stockticker.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final Set<String> DECIMALS = Set.of("amount");
    private static final Set<String> TEXTS = Set.of("exDate", "flag");

    @Test
    void reads_the_fields_asked_for_exactly_and_skips_the_others_whatever_they_hold() throws IOException {
        JsonFields fields = read("{\"amount\":0.2500,\"exDate\":\"2024-05-10\",\"other\":{\"deep\":[1,2,{}]},"
                + "\"flag\":\" Cash \"}");

        assertThat(fields.decimal("amount").toPlainString()).isEqualTo("0.2500");
        assertThat(fields.date("exDate")).isEqualTo(LocalDate.parse("2024-05-10"));
        assertThat(fields.text("flag")).isEqualTo(" Cash ");
        assertThat(fields.trimmed("flag")).isEqualTo("Cash");
        assertThat(fields.isWrong("amount")).isFalse();
    }

    @Test
    void leaves_a_field_of_the_wrong_kind_null_and_says_so() throws IOException {
        JsonFields fields = read("{\"amount\":{\"value\":1},\"exDate\":[\"2024-05-10\"],\"flag\":\"Cash\"}");

        assertThat(fields.decimal("amount")).isNull();
        assertThat(fields.isWrong("amount")).isTrue();
        assertThat(fields.isWrong("exDate")).isTrue();
        assertThatThrownBy(() -> fields.date("exDate")).isInstanceOf(DateTimeParseException.class);
        assertThat(fields.text("flag")).isEqualTo("Cash");
    }

    @Test
    void reads_a_missing_null_or_blank_field_as_null() throws IOException {
        JsonFields fields = read("{\"amount\":null,\"exDate\":\"  \"}");

        assertThat(fields.decimal("amount")).isNull();
        assertThat(fields.isWrong("amount")).isFalse();
        assertThat(fields.date("exDate")).isNull();
        assertThat(fields.trimmed("flag")).isNull();
    }

    @Test
    void refuses_a_date_that_is_not_yyyy_mm_dd_or_far_too_long() throws IOException {
        JsonFields fields = read("{\"exDate\":\"2024-13-40\",\"flag\":\"" + "2024-05-10".repeat(10) + "\"}");

        assertThatThrownBy(() -> fields.date("exDate")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> fields.date("flag")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void ends_on_the_objects_last_token_and_reports_an_object_cut_short() throws IOException {
        try (JsonParser parser = ExactJson.mapper().createParser("[{\"amount\":1,\"x\":[2]},3]")) {
            parser.nextToken();
            parser.nextToken();
            JsonFields.read(parser, DECIMALS, TEXTS);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        }
        assertThatThrownBy(() -> read("{\"amount\":1,")).isInstanceOf(IOException.class);
    }

    private static JsonFields read(String json) throws IOException {
        try (JsonParser parser = ExactJson.mapper().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return JsonFields.read(parser, DECIMALS, TEXTS);
        }
    }
}
