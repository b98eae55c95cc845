package org.stockticker.adapters.iex;

import feign.Response;
import java.util.Optional;
import org.stockticker.adapters.http.SpentQuota;
import org.stockticker.adapters.provider.ProviderErrorDecoder;

/**
 * Turns IEX's error statuses, which come with plain-text explanations, into the application's exceptions: beyond
 * what every provider's statuses mean, 402 says the plan's quota is spent (time fixes it, not the key; asking again
 * would not help), a {@link SpentQuota} whose reset IEX does not tell, so the read ends, to go on in a later sync;
 * 404 is an unknown symbol and 400 a request IEX found malformed.
 */
final class IexErrorDecoder extends ProviderErrorDecoder {

    IexErrorDecoder(String apiKey) {
        super(IexPriceProvider.NAME, apiKey);
    }

    @Override
    protected Optional<Exception> meaning(int status, Response response) {
        return switch (status) {
            case 402 -> Optional.of(SpentQuota.withoutReset("the plan's quota (HTTP 402" + detail(response) + ")"));
            case 404 -> Optional.of(new SymbolNotFound());
            case 400 -> Optional.of(new IllegalStateException("provider " + provider()
                    + " refused the request as malformed (HTTP 400)" + detail(response)));
            default -> Optional.empty();
        };
    }

    /**
     * IEX does not know the requested symbol. The decoder cannot tell which symbol that was, so the adapter, which
     * can, turns this into {@link org.stockticker.application.port.out.UnknownSymbolException}.
     */
    static final class SymbolNotFound extends RuntimeException {

        SymbolNotFound() {
            super("HTTP 404", null, false, false);
        }
    }
}
