package org.stockticker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stockticker.application.port.out.MessageSinkPort.LogLevel;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.service.RecordingSink.ConnectionStatus;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

class CheckConnectionServiceTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Symbol MSFT = new Symbol("MSFT");
    private static final Symbol BAD = new Symbol("NOPE");

    private final FakePriceProvider provider = new FakePriceProvider("fake");
    private final RecordingSink sink = new RecordingSink();
    private final CheckConnectionService service = new CheckConnectionService(provider, sink);

    private static SyncSettings settings(List<Symbol> tickers) {
        return new SyncSettings(tickers, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31), 0);
    }

    private ConnectionStatus theOnlyStatus() {
        assertThat(sink.kinds()).containsExactly("CONNECTION_STATUS");
        return sink.eventsOf(ConnectionStatus.class).get(0);
    }

    @Test
    void succeeds_when_the_provider_knows_every_ticker() {
        boolean succeeded = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(succeeded).isTrue();
        assertThat(provider.verified()).containsExactly(AAPL, MSFT);
        ConnectionStatus status = theOnlyStatus();
        assertThat(status.succeeded()).isTrue();
        assertThat(status.message()).contains("fake").contains("AAPL, MSFT");
    }

    @Test
    void verifies_only_the_first_ten_of_twelve_tickers() {
        List<Symbol> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> new Symbol("T" + i)).toList();

        boolean succeeded = service.check(settings(twelve));

        assertThat(succeeded).isTrue();
        assertThat(provider.verified()).containsExactlyElementsOf(twelve.subList(0, 10));
        assertThat(theOnlyStatus().succeeded()).isTrue();
    }

    @Test
    void an_unknown_ticker_fails_naming_it() {
        provider.failingVerification(BAD, new UnknownSymbolException(BAD, "fake"));

        boolean succeeded = service.check(settings(List.of(AAPL, BAD, MSFT)));

        assertThat(succeeded).isFalse();
        assertThat(provider.verified()).containsExactly(AAPL, BAD, MSFT);
        ConnectionStatus status = theOnlyStatus();
        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).contains("NOPE").contains("tickers").doesNotContain("AAPL", "MSFT");
    }

    @Test
    void an_unknown_ticker_beyond_the_first_ten_is_left_to_the_read() {
        List<Symbol> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> new Symbol("T" + i)).toList();
        provider.failingVerification(eleven.get(10), new UnknownSymbolException(eleven.get(10), "fake"));

        boolean succeeded = service.check(settings(eleven));

        assertThat(succeeded).isTrue();
        assertThat(theOnlyStatus().succeeded()).isTrue();
    }

    @Test
    void a_rejected_key_fails_with_the_providers_message() {
        provider.failingVerification(AAPL,
                new RejectedCredentialsException("Provider fake rejected the API key: check provider.api_key"));

        boolean succeeded = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(succeeded).isFalse();
        ConnectionStatus status = theOnlyStatus();
        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).isEqualTo("Provider fake rejected the API key: check provider.api_key");
        assertThat(provider.verified()).containsExactly(AAPL);
    }

    @Test
    void an_unavailable_provider_fails_with_its_message() {
        provider.failingVerification(MSFT,
                new ProviderUnavailableException("Could not reach api.example.com", null));

        boolean succeeded = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(succeeded).isFalse();
        ConnectionStatus status = theOnlyStatus();
        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).isEqualTo("Could not reach api.example.com");
    }

    @Test
    void an_unexpected_exception_fails_with_exactly_one_status() {
        provider.failingVerification(MSFT, new IllegalStateException("boom"));

        boolean succeeded = service.check(settings(List.of(AAPL, MSFT)));

        assertThat(succeeded).isFalse();
        assertThat(sink.eventsOf(ConnectionStatus.class)).hasSize(1);
        ConnectionStatus status = sink.eventsOf(ConnectionStatus.class).get(0);
        assertThat(status.succeeded()).isFalse();
        assertThat(status.message()).contains("MSFT").contains("fake").contains("IllegalStateException");
        assertThat(sink.logs(LogLevel.ERROR)).singleElement().asString().contains("MSFT");
    }
}
