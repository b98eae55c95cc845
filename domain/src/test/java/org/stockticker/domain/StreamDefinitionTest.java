package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamDefinitionTest {

    private record Row(String id, LocalDate day) {
    }

    private static final List<StreamField<Row>> FIELDS = List.of(
            StreamField.of("id", FieldType.STRING, false, Row::id),
            StreamField.of("day", FieldType.DATE, false, Row::day));

    private static StreamDefinition<Row> stream(List<StreamField<Row>> fields, List<String> key, String cursor,
            Set<SyncMode> modes) {
        return new StreamDefinition<>("s", fields, key, cursor, Partitioning.BY_SYMBOL, modes);
    }

    @Test
    void supports_only_its_declared_sync_modes() {
        StreamDefinition<Row> stream = stream(FIELDS, List.of("id"), "day", Set.of(SyncMode.FULL_REFRESH));

        assertThat(stream.supports(SyncMode.FULL_REFRESH)).isTrue();
        assertThat(stream.supports(SyncMode.INCREMENTAL)).isFalse();
    }

    @Test
    void rejects_a_field_declared_twice() {
        List<StreamField<Row>> twice = List.of(StreamField.of("id", FieldType.STRING, false, Row::id),
                StreamField.of("id", FieldType.INTEGER, true, Row::id), StreamField.of("day", FieldType.DATE, false, Row::day));

        assertThatThrownBy(() -> stream(twice, List.of("id"), "day", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream s declares field id twice");
    }

    @Test
    void rejects_a_primary_key_that_is_not_a_field() {
        assertThatThrownBy(() -> stream(FIELDS, List.of("nope"), "day", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("primary key nope is not a field of stream s");
    }

    @Test
    void rejects_a_cursor_field_that_is_not_a_field() {
        assertThatThrownBy(() -> stream(FIELDS, List.of("id"), "when", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cursor field when is not a field of stream s");
    }

    @Test
    void rejects_a_stream_without_sync_modes() {
        assertThatThrownBy(() -> stream(FIELDS, List.of("id"), "day", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream s supports no sync mode");
    }

    @Test
    void rejects_a_blank_field_name() {
        assertThatThrownBy(() -> StreamField.of(" ", FieldType.STRING, false, Row::id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field name is blank");
    }

    @Test
    void rejects_a_cursor_field_that_is_not_a_date() {
        assertThatThrownBy(() -> stream(FIELDS, List.of("id"), "id", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cursor field id of stream s must be a date that is never null");
    }

    @Test
    void reads_a_records_cursor_from_its_cursor_field() {
        StreamDefinition<Row> stream = stream(FIELDS, List.of("id"), "day", Set.of(SyncMode.INCREMENTAL));

        assertThat(stream.cursor().valueOf(new Row("a", LocalDate.of(2024, 1, 2)), "csv"))
                .isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void gives_the_provider_field_the_reads_provider() {
        StreamField<Row> provider = StreamField.providerName();

        assertThat(provider.name()).isEqualTo("provider");
        assertThat(provider.valueOf(new Row("a", LocalDate.of(2024, 1, 2)), "csv")).isEqualTo("csv");
    }
}
