package org.stockticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamStateTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol IBM = new Symbol("IBM");
    private static final LocalDate MAR_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate MAR_28 = LocalDate.of(2024, 3, 28);

    @Test
    void the_empty_state_has_no_cursor() {
        StreamState empty = StreamState.empty();

        assertThat(empty.cursor(AAPL)).isEmpty();
        assertThat(empty.cursors()).isEmpty();
        assertThat(empty.everySymbolCursor()).isEmpty();
    }

    @Test
    void advance_sets_the_cursor_of_a_symbol_without_one() {
        StreamState state = StreamState.empty().advance(AAPL, MAR_1);

        assertThat(state.cursor(AAPL)).contains(MAR_1);
        assertThat(state.cursor(MSFT)).isEmpty();
    }

    @Test
    void advance_moves_a_cursor_forward() {
        StreamState state = StreamState.empty().advance(AAPL, MAR_1).advance(AAPL, MAR_28);

        assertThat(state.cursor(AAPL)).contains(MAR_28);
    }

    @Test
    void advance_never_moves_a_cursor_back() {
        StreamState state = StreamState.empty().advance(AAPL, MAR_28);

        StreamState advanced = state.advance(AAPL, MAR_1);

        assertThat(advanced.cursor(AAPL)).contains(MAR_28);
        assertThat(advanced).isEqualTo(state);
    }

    @Test
    void advance_never_moves_back_behind_the_every_symbol_cursor() {
        StreamState state = StreamState.forEverySymbol(MAR_28).advance(AAPL, MAR_1);

        assertThat(state.cursor(AAPL)).contains(MAR_28);
        assertThat(state.cursor(MSFT)).contains(MAR_28);
    }

    @Test
    void advance_leaves_the_original_state_unchanged() {
        StreamState original = StreamState.empty().advance(AAPL, MAR_1);

        original.advance(AAPL, MAR_28);
        original.advance(MSFT, MAR_28);

        assertThat(original.cursors()).containsExactly(new SymbolCursor(AAPL, MAR_1));
    }

    @Test
    void advance_keeps_the_every_symbol_cursor_for_the_other_symbols() {
        StreamState state = StreamState.forEverySymbol(MAR_1).advance(AAPL, MAR_28);

        assertThat(state.cursor(AAPL)).contains(MAR_28);
        assertThat(state.cursor(MSFT)).contains(MAR_1);
        assertThat(state.everySymbolCursor()).contains(MAR_1);
    }

    @Test
    void the_every_symbol_cursor_applies_to_any_symbol_without_its_own() {
        StreamState state = StreamState.forEverySymbol(MAR_1);

        assertThat(state.cursor(AAPL)).contains(MAR_1);
        assertThat(state.cursor(IBM)).contains(MAR_1);
        assertThat(state.cursors()).isEmpty();
    }

    @Test
    void expanded_to_gives_every_listed_symbol_the_every_symbol_cursor() {
        StreamState expanded = StreamState.forEverySymbol(MAR_1).expandedTo(List.of(MSFT, AAPL));

        assertThat(expanded.cursors()).containsExactly(new SymbolCursor(AAPL, MAR_1), new SymbolCursor(MSFT, MAR_1));
        assertThat(expanded.everySymbolCursor()).isEmpty();
        assertThat(expanded.cursor(IBM)).isEmpty();
    }

    @Test
    void expanded_to_keeps_the_cursors_symbols_already_have() {
        StreamState expanded = StreamState.forEverySymbol(MAR_1).advance(AAPL, MAR_28)
                .expandedTo(List.of(AAPL, MSFT));

        assertThat(expanded.cursors()).containsExactly(new SymbolCursor(AAPL, MAR_28), new SymbolCursor(MSFT, MAR_1));
    }

    @Test
    void expanded_to_changes_nothing_without_an_every_symbol_cursor() {
        StreamState state = StreamState.of(List.of(new SymbolCursor(AAPL, MAR_1)));

        assertThat(state.expandedTo(List.of(AAPL, MSFT))).isEqualTo(state);
        assertThat(state.expandedTo(List.of(AAPL, MSFT)).cursor(MSFT)).isEmpty();
    }

    @Test
    void of_rejects_two_cursors_for_one_symbol() {
        List<SymbolCursor> cursors = List.of(new SymbolCursor(AAPL, MAR_1), new SymbolCursor(AAPL, MAR_28));

        assertThatThrownBy(() -> StreamState.of(cursors))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol AAPL has more than one cursor");
    }

    @Test
    void cursors_are_ordered_by_symbol() {
        StreamState state = StreamState.of(List.of(
                new SymbolCursor(MSFT, MAR_1), new SymbolCursor(AAPL, MAR_28), new SymbolCursor(IBM, MAR_1)));

        assertThat(state.cursors()).extracting(SymbolCursor::symbol).containsExactly(AAPL, IBM, MSFT);
    }

    @Test
    void cursors_added_by_advance_are_ordered_by_symbol() {
        StreamState state = StreamState.empty().advance(MSFT, MAR_1).advance(AAPL, MAR_1).advance(IBM, MAR_1);

        assertThat(state.cursors()).extracting(SymbolCursor::symbol).containsExactly(AAPL, IBM, MSFT);
    }

    @Test
    void for_every_symbol_requires_a_date() {
        assertThatThrownBy(() -> StreamState.forEverySymbol(null)).hasMessage("cursor date is required");
    }

    @Test
    void states_with_the_same_cursors_are_equal() {
        StreamState built = StreamState.empty().advance(AAPL, MAR_1).advance(MSFT, MAR_28);
        StreamState listed = StreamState.of(List.of(new SymbolCursor(MSFT, MAR_28), new SymbolCursor(AAPL, MAR_1)));

        assertThat(built).isEqualTo(listed).hasSameHashCodeAs(listed);
        assertThat(built).isNotEqualTo(StreamState.forEverySymbol(MAR_1));
    }

    @Test
    void retain_only_drops_the_cursors_of_other_symbols_and_keeps_the_every_symbol_cursor() {
        Symbol aapl = new Symbol("AAPL");
        Symbol gone = new Symbol("GONE");
        StreamState state = StreamState.of(List.of(new SymbolCursor(aapl, LocalDate.of(2024, 1, 5)),
                new SymbolCursor(gone, LocalDate.of(2020, 1, 2))));

        StreamState kept = state.retainOnly(List.of(aapl, new Symbol("MSFT")));

        assertThat(kept.cursors()).containsExactly(new SymbolCursor(aapl, LocalDate.of(2024, 1, 5)));
        assertThat(state.retainOnly(List.of(aapl, gone))).isSameAs(state);
        assertThat(StreamState.forEverySymbol(LocalDate.of(2024, 1, 5)).retainOnly(List.of())
                .everySymbolCursor()).contains(LocalDate.of(2024, 1, 5));
    }

    @Test
    void a_day_read_part_way_stands_at_that_day_for_the_symbols_up_to_the_last_one_read() {
        StreamState state = StreamState.forEverySymbolThrough(MAR_28, MSFT);

        assertThat(state.cursor(AAPL)).contains(MAR_28);
        assertThat(state.cursor(MSFT)).contains(MAR_28);
        assertThat(state.cursor(new Symbol("MSFU"))).contains(MAR_28.minusDays(1));
        assertThat(state.everySymbolThrough()).contains(MSFT);
        assertThat(state.expandedTo(List.of(AAPL, new Symbol("ZZ"))).cursors()).containsExactly(
                new SymbolCursor(AAPL, MAR_28), new SymbolCursor(new Symbol("ZZ"), MAR_28.minusDays(1)));
    }

    @Test
    void the_every_symbol_cursor_moves_through_a_day_symbol_by_symbol_then_whole_and_never_back() {
        StreamState partway = StreamState.empty().everySymbolReadThrough(MAR_28, IBM);
        StreamState further = partway.everySymbolReadThrough(MAR_28, MSFT);
        StreamState whole = further.everySymbolReadThrough(MAR_28);

        assertThat(partway).isEqualTo(StreamState.forEverySymbolThrough(MAR_28, IBM));
        assertThat(further.everySymbolReadThrough(MAR_28, AAPL)).as("not back to an earlier symbol")
                .isEqualTo(further);
        assertThat(whole).isEqualTo(StreamState.forEverySymbol(MAR_28));
        assertThat(whole.everySymbolReadThrough(MAR_28, AAPL)).as("a whole day is not read part way again")
                .isEqualTo(whole);
        assertThat(whole.everySymbolReadThrough(MAR_1)).as("not back to an earlier day").isEqualTo(whole);
        assertThat(whole.everySymbolReadThrough(MAR_1, AAPL)).isEqualTo(whole);
    }

    @Test
    void advance_all_moves_several_cursors_at_once_but_none_back() {
        StreamState state = StreamState.of(List.of(new SymbolCursor(AAPL, MAR_28), new SymbolCursor(IBM, MAR_1)));

        StreamState advanced = state.advanceAll(Map.of(AAPL, MAR_1, IBM, MAR_28, MSFT, MAR_1));

        assertThat(advanced.cursors()).containsExactly(new SymbolCursor(AAPL, MAR_28),
                new SymbolCursor(IBM, MAR_28), new SymbolCursor(MSFT, MAR_1));
        assertThat(advanced.advanceAll(Map.of(AAPL, MAR_1))).isSameAs(advanced);
    }
}
