package org.stockticker.adapters.alphavantage;

import org.stockticker.adapters.provider.ProviderErrorDecoder;

/**
 * Turns an error status into the application's exceptions. Alpha Vantage itself answers its errors with HTTP 200
 * (see {@link AlphaVantageAnswer}); statuses come from the servers and proxies in front of it, so none of them is
 * taken to be about the key: beyond 429 and 5xx, which are retried, every status is unexpected.
 */
final class AlphaVantageErrorDecoder extends ProviderErrorDecoder {

    AlphaVantageErrorDecoder(String apiKey) {
        super(AlphaVantagePriceProvider.NAME, apiKey);
    }

    @Override
    protected boolean rejectsKey(int status) {
        return false;
    }
}
