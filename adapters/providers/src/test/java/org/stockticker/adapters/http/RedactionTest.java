package org.stockticker.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String KEY = "sk_SECRET_12345";

    @Test
    void masks_the_secret_wherever_it_appears() {
        assertThat(Redaction.redact("Token " + KEY + " is disabled", KEY)).isEqualTo("Token **** is disabled");
    }

    @Test
    void masks_key_like_query_values_without_knowing_the_secret() {
        assertThat(Redaction.redact(
                "GET https://h/a?token=abc&x=1 and https://h/b?apiKey=def#f and /c?apikey=ghi", null))
                .isEqualTo("GET https://h/a?token=****&x=1 and https://h/b?apiKey=****#f and /c?apikey=****");
    }

    @Test
    void leaves_other_text_alone() {
        assertThat(Redaction.redact("Unknown symbol", KEY)).isEqualTo("Unknown symbol");
        assertThat(Redaction.redact(null, KEY)).isNull();
    }
}
