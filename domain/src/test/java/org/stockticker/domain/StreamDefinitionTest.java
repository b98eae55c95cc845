package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamDefinitionTest {

    private static final List<StreamField> FIELDS = List.of(
            new StreamField("id", FieldType.STRING, false),
            new StreamField("day", FieldType.DATE, false));

    @Test
    void supports_only_its_declared_sync_modes() {
        StreamDefinition stream = new StreamDefinition("s", FIELDS, List.of("id"), "day", Set.of(SyncMode.FULL_REFRESH));

        assertThat(stream.supports(SyncMode.FULL_REFRESH)).isTrue();
        assertThat(stream.supports(SyncMode.INCREMENTAL)).isFalse();
    }

    @Test
    void rejects_a_field_declared_twice() {
        List<StreamField> twice = List.of(new StreamField("id", FieldType.STRING, false),
                new StreamField("id", FieldType.INTEGER, true), new StreamField("day", FieldType.DATE, false));

        assertThatThrownBy(() -> new StreamDefinition("s", twice, List.of("id"), "day", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream s declares field id twice");
    }

    @Test
    void rejects_a_primary_key_that_is_not_a_field() {
        assertThatThrownBy(() -> new StreamDefinition("s", FIELDS, List.of("nope"), "day", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("primary key nope is not a field of stream s");
    }

    @Test
    void rejects_a_cursor_field_that_is_not_a_field() {
        assertThatThrownBy(() -> new StreamDefinition("s", FIELDS, List.of("id"), "when", Set.of(SyncMode.FULL_REFRESH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cursor field when is not a field of stream s");
    }

    @Test
    void rejects_a_stream_without_sync_modes() {
        assertThatThrownBy(() -> new StreamDefinition("s", FIELDS, List.of("id"), "day", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream s supports no sync mode");
    }

    @Test
    void rejects_a_blank_field_name() {
        assertThatThrownBy(() -> new StreamField(" ", FieldType.STRING, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field name is blank");
    }
}
