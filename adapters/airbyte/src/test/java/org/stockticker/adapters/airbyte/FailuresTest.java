package org.stockticker.adapters.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage.FailureType;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Symbol;

class FailuresTest {

    private static final Symbol MSFT = new Symbol("MSFT");

    @Test
    void what_the_user_supplied_is_a_config_error() {
        assertThat(List.of(new InvalidInputException("bad"), new RejectedCredentialsException("key"),
                new UnknownSymbolException(MSFT, "iex"), new UnknownTickersException(List.of(MSFT), "iex", "")))
                .allSatisfy(failure -> assertThat(Failures.typeOf(failure)).isEqualTo(FailureType.CONFIG_ERROR));
    }

    @Test
    void a_provider_that_kept_failing_is_a_transient_error() {
        assertThat(Failures.typeOf(new ProviderUnavailableException("HTTP 503", null)))
                .isEqualTo(FailureType.TRANSIENT_ERROR);
        assertThat(Failures.typeOf(new BrokenAnswerException("cut short"))).isEqualTo(FailureType.TRANSIENT_ERROR);
    }

    @Test
    void a_spent_quota_is_a_transient_error_that_says_when_it_resets_and_where_the_next_sync_resumes() {
        QuotaSpentException spent = new QuotaSpentException("alpha_vantage", "its budget of 25 requests a day",
                Optional.of(Instant.parse("2026-12-01T00:00:00Z")));

        assertThat(Failures.typeOf(spent)).isEqualTo(FailureType.TRANSIENT_ERROR);
        assertThat(Failures.readMessage(new ReadFailure("stock_prices", MSFT, "alpha_vantage", spent)))
                .isEqualTo("Provider alpha_vantage: its budget of 25 requests a day is spent, so the read stopped at"
                        + " MSFT; it resets at 2026-12-01T00:00:00Z; everything read before is checkpointed, and the"
                        + " next sync resumes from the last STATE");
    }

    @Test
    void a_spent_quota_whose_reset_is_not_known_says_so() {
        QuotaSpentException spent = new QuotaSpentException("iex", "the plan's quota (HTTP 402)", Optional.empty());

        assertThat(Failures.readMessage(new ReadFailure("stock_prices", null, "iex", spent)))
                .contains("the plan's quota (HTTP 402) is spent, so the read stopped at stream stock_prices;"
                        + " the provider does not say when it resets;");
    }

    @Test
    void anything_else_is_a_system_error() {
        assertThat(Failures.typeOf(new IllegalStateException("boom"))).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(Failures.typeOf(new OutOfMemoryError())).isEqualTo(FailureType.SYSTEM_ERROR);
    }

    @Test
    void a_config_error_in_a_read_says_the_problem_itself_and_keeps_no_internal_cause() {
        RejectedCredentialsException rejected = new RejectedCredentialsException("Provider fake rejected the API key");
        ReadFailure failure = new ReadFailure("stock_prices", MSFT, "fake", rejected);

        assertThat(Failures.readMessage(failure)).isEqualTo("Provider fake rejected the API key");
        assertThat(Failures.internalCause(rejected)).isNull();
    }

    @Test
    void a_transient_error_in_a_read_names_the_provider_the_symbol_and_the_resumption() {
        ProviderUnavailableException outage = new ProviderUnavailableException("HTTP 503 after 5 attempts", null);

        String message = Failures.readMessage(new ReadFailure("stock_prices", MSFT, "fake", outage));

        assertThat(message).isEqualTo("Provider fake failed while reading MSFT: HTTP 503 after 5 attempts."
                + " Everything read before has been checkpointed; the next sync resumes from there");
        assertThat(Failures.internalCause(outage)).isSameAs(outage);
    }

    @Test
    void a_system_error_in_a_read_names_the_exception_class_not_its_message() {
        IllegalStateException bug = new IllegalStateException("internal detail");

        String message = Failures.readMessage(new ReadFailure("stock_prices", MSFT, "fake", bug));

        assertThat(message).isEqualTo("Reading MSFT from provider fake failed unexpectedly (IllegalStateException)")
                .doesNotContain("internal detail");
        assertThat(Failures.internalCause(bug)).isSameAs(bug);
    }

    @Test
    void a_failure_of_no_one_symbol_names_the_stream() {
        IllegalStateException bug = new IllegalStateException("boom");

        assertThat(Failures.readMessage(new ReadFailure("stock_prices", null, "fake", bug)))
                .isEqualTo("Reading stream stock_prices from provider fake failed unexpectedly (IllegalStateException)");
    }

    @Test
    void a_command_that_failed_before_it_began_says_which_for_a_fault_of_the_connector() {
        assertThat(Failures.commandMessage("discover", new IllegalStateException("boom")))
                .isEqualTo("discover failed unexpectedly (IllegalStateException)");
        assertThat(Failures.commandMessage("read", new InvalidInputException("Invalid config: tickers is required")))
                .isEqualTo("Invalid config: tickers is required");
    }

    @Test
    void a_failed_check_says_the_problem_or_for_a_fault_of_the_connector_which_check_and_where_to_look() {
        assertThat(Failures.checkMessage("Checking ticker MSFT with provider iex",
                new RejectedCredentialsException("provider iex rejected the API key (HTTP 401)")))
                .isEqualTo("provider iex rejected the API key (HTTP 401)");
        assertThat(Failures.checkMessage("Checking ticker MSFT with provider iex", new IllegalStateException("x")))
                .isEqualTo("Checking ticker MSFT with provider iex failed unexpectedly (IllegalStateException);"
                        + " see the logs");
    }
}
