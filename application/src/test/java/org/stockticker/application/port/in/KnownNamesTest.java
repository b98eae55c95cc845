package org.stockticker.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

    private static final Set<String> KNOWN = Set.of("tickers", "start_date", "end_date", "lookback_days", "provider");

    @Test
    void a_name_two_edits_away_is_close() {
        assertThat(KnownNames.closest("end_dte", KNOWN)).hasValue("end_date");
        assertThat(KnownNames.closest("tikers", KNOWN)).hasValue("tickers");
        assertThat(KnownNames.closest("strat_date", KNOWN)).hasValue("start_date");
    }

    @Test
    void case_and_separators_do_not_count_as_edits() {
        assertThat(KnownNames.closest("startDate", KNOWN)).hasValue("start_date");
        assertThat(KnownNames.closest("END-DATE", KNOWN)).hasValue("end_date");
    }

    @Test
    void the_beginning_of_a_known_name_is_close() {
        assertThat(KnownNames.closest("lookback", KNOWN)).hasValue("lookback_days");
        assertThat(KnownNames.closest("tickers_list", KNOWN)).hasValue("tickers");
    }

    @Test
    void a_name_far_from_every_known_one_has_no_closest() {
        assertThat(KnownNames.closest("comment", KNOWN)).isEmpty();
        assertThat(KnownNames.closest("x_note", KNOWN)).isEmpty();
        assertThat(KnownNames.closest("__", KNOWN)).isEmpty();
    }

    @Test
    void the_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(KnownNames.distance("end_dte", "end_date")).isEqualTo(1);
        assertThat(KnownNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KnownNames.distance("", "abc")).isEqualTo(3);
        assertThat(KnownNames.distance("same", "same")).isZero();
    }
}
