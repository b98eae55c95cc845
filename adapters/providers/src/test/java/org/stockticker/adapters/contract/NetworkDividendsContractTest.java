package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.RejectedCredentialsException;

/** What a provider reached over the network adds to the dividends contract: a key it may reject, and a rate limit. */
public abstract class NetworkDividendsContractTest extends DividendsContractTest {

    /** The key the adapter under test is configured with; it must appear in no exception message. */
    protected static final String KEY = NetworkPriceProviderContractTest.KEY;

    /** Makes the stub refuse the key for every request, as the provider does. */
    protected abstract void rejectKey();

    /**
     * Makes the stub answer the provider's rate limit to the next request, whatever it asks, and then answer as
     * stubbed before.
     */
    protected abstract void rateLimitOnce();

    @Test
    void reports_a_rejected_key_without_quoting_it() {
        rejectKey();

        assertThatThrownBy(() -> read(ACME, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31)))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void waits_out_a_rate_limit_and_then_answers_the_dividends() {
        List<DividendFixture> served = served();
        serveDividends(ACME, served);
        rateLimitOnce();

        assertSameDividends(read(ACME, LocalDate.of(2023, 1, 3), LocalDate.of(2024, 12, 31)), served);
    }
}
