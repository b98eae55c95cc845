package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.in.CheckResult;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * Checks the key and the first tickers with the provider's cheapest request. The remaining tickers are verified by
 * the read itself, which keeps a check of 500 tickers from spending a free plan's daily quota.
 */
public final class CheckConnectionService implements CheckConnectionUseCase {

    /** How many tickers a check verifies. */
    public static final int TICKERS_CHECKED = 10;

    private final PriceProviderPort provider;

    public CheckConnectionService(PriceProviderPort provider) {
        this.provider = provider;
    }

    @Override
    public CheckResult check(SyncSettings settings) {
        List<Symbol> checked = settings.tickers().subList(0, Math.min(TICKERS_CHECKED, settings.tickers().size()));
        List<Symbol> unknown = new ArrayList<>();
        for (Symbol symbol : checked) {
            try {
                provider.verify(symbol);
            } catch (UnknownSymbolException e) {
                unknown.add(symbol);
            } catch (RuntimeException | Error e) {
                return CheckResult.failedWith(symbol, e);
            }
        }
        if (!unknown.isEmpty()) {
            return CheckResult.failed(UnknownTickersException.message(unknown, provider.name()));
        }
        return CheckResult.passed("Provider " + provider.name() + " accepted the configuration and knows "
                + checked.stream().map(Symbol::value).collect(Collectors.joining(", ")));
    }
}
