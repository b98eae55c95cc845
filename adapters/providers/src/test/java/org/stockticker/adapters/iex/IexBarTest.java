package org.stockticker.adapters.iex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.adapters.json.JsonAnswer;

/** {@link IexBar#read} reads a bar token by token exactly as Jackson's databind binds the record, here the oracle. */
class IexBarTest {

    private static final ObjectMapper MAPPER = ExactJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"date\":\"2018-02-01\",\"open\":167.165,\"high\":168.62,\"low\":166.76,\"close\":167.78,\"volume\":47230787,"
                + "\"uOpen\":167.165,\"uHigh\":168.62,\"uLow\":166.76,\"uClose\":167.78,\"uVolume\":47230787,"
                + "\"fOpen\":162.3,\"fHigh\":163.71,\"fLow\":161.9,\"fClose\":162.91,\"fVolume\":47230787,"
                + "\"change\":0.35,\"changePercent\":0.209,\"label\":\"Feb 1\",\"changeOverTime\":0,\"symbol\":\"AAPL\","
                + "\"id\":\"HISTORICAL_PRICES\",\"key\":\"AAPL\",\"subkey\":\"\",\"updated\":1517529600000}",
        "{}",
        "{\"date\":\"2018-02-01\",\"close\":167.10,\"open\":1.5E+2,\"high\":1e-3,\"low\":-0.0,\"volume\":12.0}",
        "{\"close\":\"167.10\",\"open\":\" 12 \",\"high\":\"\",\"low\":\"null\",\"uClose\":\"1E+3\"}",
        "{\"close\":null,\"uClose\":null,\"date\":null,\"volume\":123456789012345678901234567890}",
        "{\"date\":20180201,\"close\":1}",
        "{\"date\":true,\"close\":1}",
        "{\"date\":12.50,\"close\":1}",
        "{\"close\":1,\"close\":2,\"uClose\":3,\"uClose\":4}",
        "{\"extra\":{\"a\":[1,2,{\"b\":[3,{\"c\":null}]}]},\"close\":5,\"more\":[[],{}],\"label\":\"x\"}",
        "{\"CLOSE\":1,\"Date\":\"2018-02-01\",\"u_close\":2}",
        "{\"close\":12345678901234.567890,\"open\":123456789012345678,\"high\":1234567890123456789,"
                + "\"low\":0.000000000000000001,\"uClose\":-12.50,\"uOpen\":-0,\"uHigh\":0.0,\"fClose\":1.0e2,"
                + "\"uLow\":100,\"volume\":-9223372036854775808,\"uVolume\":999999999999999999}",
    })
    void reads_a_bar_as_databind_binds_it(String element) throws IOException {
        IexBar expected = MAPPER.readValue(element, IexBar.class);

        assertThat(streamed(element)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"date\":\"2018-02-01\",\"close\":\"abc\"}",
        "{\"date\":\"2018-02-01\",\"close\":true}",
        "{\"date\":\"2018-02-01\",\"open\":{\"value\":1},\"close\":1}",
        "{\"date\":\"2018-02-01\",\"high\":[1.5],\"close\":1}",
        "{\"date\":{\"day\":1},\"close\":1}",
        "{\"date\":[\"2018-02-01\"],\"close\":1}",
        "{\"volume\":false,\"fClose\":\"x\",\"close\":1}",
    })
    void names_the_same_wrong_field_as_databind(String element) throws IOException {
        String expected;
        try {
            MAPPER.readValue(element, IexBar.class);
            throw new AssertionError("databind accepted " + element);
        } catch (IOException e) {
            expected = JsonAnswer.field(e);
        }

        assertThatThrownBy(() -> streamed(element))
                .isInstanceOfSatisfying(IexBar.WrongField.class,
                        wrong -> assertThat("field " + wrong.field()).isEqualTo(expected));
    }

    @Test
    void reads_the_whole_object_even_after_a_wrong_field_so_that_the_next_element_can_follow() throws IOException {
        try (JsonParser parser = MAPPER.createParser("[{\"close\":true,\"more\":{\"a\":[1]},\"uClose\":2},{\"close\":3}]")) {
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(() -> IexBar.read(parser)).isInstanceOf(IexBar.WrongField.class);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);

            parser.nextToken();
            assertThat(IexBar.read(parser).close()).isEqualByComparingTo("3");
        }
    }

    @Test
    void an_answer_that_ends_inside_a_bar_is_an_io_failure() throws IOException {
        try (JsonParser parser = MAPPER.createParser("[{\"close\":1,\"open\":2")) {
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(() -> IexBar.read(parser)).isInstanceOf(IOException.class);
        }
    }

    private static IexBar streamed(String element) throws IOException {
        try (JsonParser parser = MAPPER.createParser(element)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            IexBar bar = IexBar.read(parser);
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).isNull();
            return bar;
        }
    }
}
