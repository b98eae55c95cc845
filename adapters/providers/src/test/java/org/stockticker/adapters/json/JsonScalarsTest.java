package org.stockticker.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "-0.00", "1", "167.10", "-12.5", "0.000000000000000001",
        "123456789012345678", "1234567890123456789", "12345678901234.567890", "1e3", "1.5E+2", "-2.5e-3",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999.99"})
    void reads_every_number_as_the_decimal_its_text_makes(String number) throws IOException {
        BigDecimal expected = new BigDecimal(number);

        BigDecimal read = read(number);

        assertThat(read).isEqualTo(expected);
        assertThat(read.scale()).isEqualTo(expected.scale());
    }

    @Test
    void reads_random_prices_as_the_decimals_their_text_makes() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int scale = random.nextInt(9);
            BigDecimal price = BigDecimal.valueOf(random.nextLong() % 10_000_000_000_000L, scale);
            String text = price.toPlainString();

            assertThat(read(text)).as(text).isEqualTo(new BigDecimal(text));
        }
    }

    @Test
    void coerces_strings_as_databind_does_and_refuses_other_kinds() throws IOException {
        assertThat(read("\" 12.50 \"")).isEqualTo(new BigDecimal("12.50"));
        assertThat(read("\"\"")).isNull();
        assertThat(read("\"null\"")).isNull();
        assertThat(read("null")).isNull();
        assertThatThrownBy(() -> read("\"twelve\"")).isInstanceOf(JsonScalars.WrongKind.class);
        assertThatThrownBy(() -> read("true")).isInstanceOf(JsonScalars.WrongKind.class);
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(JsonScalars.WrongKind.class);
        assertThatThrownBy(() -> read("{\"a\":1}")).isInstanceOf(JsonScalars.WrongKind.class);
    }

    private static BigDecimal read(String json) throws IOException {
        try (JsonParser parser = ExactJson.mapper().createParser(json)) {
            parser.nextToken();
            return JsonScalars.decimal(parser);
        }
    }
}
