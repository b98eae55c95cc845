package org.stockticker.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactJsonTest {

    @Test
    void keeps_decimals_exactly_as_written_in_trees() throws Exception {
        JsonNode node = ExactJson.mapper().readTree("{\"close\":167.10,\"open\":167.165,\"tiny\":0.1000000000000000055511}");

        assertThat(node.get("close").decimalValue().toPlainString()).isEqualTo("167.10");
        assertThat(node.get("open").decimalValue().toPlainString()).isEqualTo("167.165");
        assertThat(node.get("tiny").decimalValue().toPlainString()).isEqualTo("0.1000000000000000055511");
    }

    @Test
    void binds_untyped_decimals_as_big_decimals() throws Exception {
        Map<?, ?> values = ExactJson.mapper().readValue("{\"close\":167.10,\"extra\":true}", Map.class);

        assertThat(values.get("close")).isEqualTo(new BigDecimal("167.10"));
    }
}
