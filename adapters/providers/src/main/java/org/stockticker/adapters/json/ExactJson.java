package org.stockticker.adapters.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON reader for provider answers: every number with a fraction becomes the {@link java.math.BigDecimal}
 * written in the text (167.10 keeps its scale), never a {@code double}.
 */
public final class ExactJson {

    private ExactJson() {
    }

    /** A new mapper that reads decimals exactly and ignores fields it was not asked about. */
    // The node factory setting is deprecated in favour of the JsonNodeFeature below; both are set so that trees
    // keep every decimal's scale whichever of the two a Jackson version honours.
    @SuppressWarnings("deprecation")
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Providers add fields over time; a new field must not break reading the ones we use.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }
}
