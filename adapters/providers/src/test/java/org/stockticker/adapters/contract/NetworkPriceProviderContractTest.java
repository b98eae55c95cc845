package org.stockticker.adapters.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.domain.Symbol;

/** What a provider reached over the network adds to the contract: a key, a rate limit, and servers that fail. */
public abstract class NetworkPriceProviderContractTest extends PriceProviderContractTest {

    /** The key the adapter under test is configured with; it must appear in no exception message. */
    protected static final String KEY = "sk_CONTRACT_0123456789";

    /** Makes the stub refuse the key, as the provider does. */
    protected abstract void rejectKey();

    /** Makes the stub answer a rate limit for the first request of {@code symbol}, then serve {@code bars}. */
    protected abstract void rateLimitOnceThenServe(Symbol symbol, java.util.List<ContractBar> bars);

    /** Makes the stub answer every request with a server error. */
    protected abstract void failWithServerErrors();

    @Test
    void reports_a_rejected_key_without_quoting_it() {
        rejectKey();

        assertThatThrownBy(() -> read(ACME, HISTORY.get(0).date(), HISTORY.get(7).date()))
                .isInstanceOf(RejectedCredentialsException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void waits_out_a_rate_limit_and_then_answers_the_bars() {
        rateLimitOnceThenServe(ACME, HISTORY);

        assertSameBars(read(ACME, HISTORY.get(0).date(), HISTORY.get(7).date()), HISTORY);
    }

    @Test
    void reports_a_provider_that_keeps_failing_as_unavailable_without_quoting_the_key() {
        failWithServerErrors();

        assertThatThrownBy(() -> read(ACME, HISTORY.get(0).date(), HISTORY.get(7).date()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageNotContaining(KEY);
    }
}
