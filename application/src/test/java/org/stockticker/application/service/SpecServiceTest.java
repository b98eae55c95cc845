package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockticker.application.service.RecordingSink.Spec;

class SpecServiceTest {

    @Test
    void answers_the_specification_in_one_message() {
        RecordingSink sink = new RecordingSink();

        new SpecService(sink).spec();

        assertThat(sink.events()).containsExactly(new Spec());
    }
}
