package org.stockticker.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-28", "2024-02-29", "0001-01-01", "9999-12-31", "+10000-01-01", "1999-12-31"})
    void reads_what_local_date_reads(String text) {
        assertThat(IsoDate.parse(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-1-05", "2024/01/05",
        "2024-01-0x", "20240105", "", "2024-01-05T00:00", " 2024-01-05", "２０２４-01-05"})
    void refuses_what_local_date_refuses(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDate.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
