package org.stockticker.application.service;

import java.util.ArrayList;
import java.util.List;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.port.in.CheckConnectionUseCase;
import org.stockticker.application.port.out.MessageSinkPort;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.Symbol;
import org.stockticker.domain.SyncSettings;

/**
 * Checks the key and the first tickers with the provider's cheapest request, and answers in exactly one
 * connection status. The remaining tickers are verified by the read itself, which keeps a check of 500 tickers
 * from spending a free plan's daily quota.
 */
public final class CheckConnectionService implements CheckConnectionUseCase {

    /** How many tickers a check verifies. */
    public static final int TICKERS_CHECKED = 10;

    private final PriceProviderPort provider;
    private final MessageSinkPort sink;

    public CheckConnectionService(PriceProviderPort provider, MessageSinkPort sink) {
        this.provider = provider;
        this.sink = sink;
    }

    @Override
    public boolean check(SyncSettings settings) {
        List<Symbol> checked = settings.tickers().subList(0, Math.min(TICKERS_CHECKED, settings.tickers().size()));
        List<Symbol> unknown = new ArrayList<>();
        for (Symbol symbol : checked) {
            try {
                provider.verify(symbol);
            } catch (UnknownSymbolException e) {
                unknown.add(symbol);
            } catch (ProviderException | InvalidInputException e) {
                return answer(false, e.getMessage());
            } catch (RuntimeException e) {
                sink.log(MessageSinkPort.LogLevel.ERROR, "Checking " + symbol + " failed: " + e);
                return answer(false, "Checking ticker " + symbol + " with provider " + provider.name()
                        + " failed unexpectedly (" + e.getClass().getSimpleName() + "); see the logs");
            }
        }
        if (!unknown.isEmpty()) {
            return answer(false, Tickers.unknownMessage(unknown, provider.name()));
        }
        return answer(true, "Provider " + provider.name() + " accepted the configuration and knows "
                + Tickers.join(checked));
    }

    private boolean answer(boolean succeeded, String message) {
        sink.connectionStatus(succeeded, message);
        return succeeded;
    }
}
