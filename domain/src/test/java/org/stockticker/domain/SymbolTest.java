package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void parse_upper_cases_the_input() {
        assertThat(Symbol.parse("aapl").value()).isEqualTo("AAPL");
        assertThat(Symbol.parse("brk.b").value()).isEqualTo("BRK.B");
    }

    @Test
    void parsed_symbols_of_any_case_are_equal() {
        assertThat(Symbol.parse("msft")).isEqualTo(Symbol.parse("MSFT")).isEqualTo(new Symbol("MSFT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRK.B", "BF-B", "A", "7203", "RDS-A.L"})
    void accepts_letters_digits_and_single_separators_between_them(String text) {
        assertThat(new Symbol(text).value()).isEqualTo(text);
    }

    @Test
    void accepts_a_symbol_of_exactly_the_maximum_length() {
        String longest = "A".repeat(Symbol.MAX_LENGTH);

        assertThat(new Symbol(longest).value()).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AA PL", " AAPL", "AAPL ", "BRK/B", "../etc", "BRK..B", ".AAPL", "AAPL.", "-AAPL",
            "AAPL-", "BRK.-B", "aapl", "AAPL\n", "AAPL?X", "ÄPFEL"})
    void rejects_text_outside_the_symbol_alphabet(String text) {
        assertThatThrownBy(() -> new Symbol(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("symbol ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "brk/b", "brk..b", ".x", "x.", "\u0131bm", "stra\u00dfe"})
    void parse_rejects_what_the_constructor_rejects(String text) {
        assertThatThrownBy(() -> Symbol.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol");
    }

    @Test
    void rejects_a_symbol_longer_than_twenty_characters() {
        String tooLong = "A".repeat(Symbol.MAX_LENGTH + 1);

        assertThatThrownBy(() -> new Symbol(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol")
                .hasMessageContaining("1 to 20");
    }

    @Test
    void rejects_null_naming_the_field() {
        assertThatThrownBy(() -> new Symbol(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol is required");
        assertThatThrownBy(() -> Symbol.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol is required");
    }

    @Test
    void the_message_quotes_the_refused_text_without_control_characters() {
        assertThatThrownBy(() -> new Symbol("AB\nCD"))
                .hasMessageStartingWith("symbol 'AB?CD' is invalid");
    }

    @Test
    void the_message_shortens_a_very_long_refused_text() {
        String huge = "X".repeat(1_000);

        assertThatThrownBy(() -> new Symbol(huge))
                .hasMessageContaining("X".repeat(40) + "...'")
                .hasMessageNotContaining("X".repeat(41));
    }

    @Test
    void orders_by_value() {
        assertThat(new Symbol("MSFT")).isGreaterThan(new Symbol("AAPL"));
        assertThat(new Symbol("AAPL").compareTo(new Symbol("AAPL"))).isZero();
    }

    @Test
    void prints_as_its_value() {
        assertThat(new Symbol("BF-B")).hasToString("BF-B");
    }
}
