package org.stockticker.adapters.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void quotes_a_short_value_as_it_is() {
        assertThat(Printable.shown("end_dte")).isEqualTo("end_dte");
    }

    @Test
    void cuts_a_long_value_and_shows_control_characters_as_question_marks() {
        assertThat(Printable.shown("a".repeat(50))).isEqualTo("a".repeat(40) + "...");
        assertThat(Printable.shown("line\nbreak\u0007", 60)).isEqualTo("line?break?");
    }
}
