package org.stockticker.history;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DailyBar;

/** The library's values and exceptions from the application's and the domain's. */
final class Translate {

    private Translate() {
    }

    /** What {@code call} gives, its failures as the library's exceptions. */
    static <T> T failures(Supplier<T> call) {
        try {
            return call.get();
        } catch (org.stockticker.application.port.out.UnknownSymbolException e) {
            throw new UnknownSymbolException(e.symbol().value(), e.getMessage(), e);
        } catch (RejectedCredentialsException e) {
            throw new RejectedKeyException(e.getMessage(), e);
        } catch (QuotaSpentException e) {
            throw new QuotaExhaustedException(e.getMessage(), e.resetsAt(), e);
        } catch (org.stockticker.application.port.out.ProviderUnavailableException | UnreadableSymbolException
                | UncheckedIOException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        } catch (ProviderException e) {
            throw new ProviderUnavailableException(e.getMessage(), e);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // A value the provider sent that the domain refuses, such as an adjusted price beyond any listing's.
            throw new ProviderUnavailableException("the provider's answer holds values that cannot be served: "
                    + e.getMessage(), e);
        }
    }

    static Bar bar(DailyBar bar) {
        return new Bar(bar.symbol().value(), bar.date(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                bar.adjustedClose());
    }

    static Split split(org.stockticker.domain.Split split) {
        return new Split(split.symbol().value(), split.executionDate(), split.splitFrom(), split.splitTo());
    }

    static Dividend dividend(org.stockticker.domain.Dividend dividend) {
        return new Dividend(dividend.symbol().value(), dividend.exDividendDate(), dividend.cashAmount(),
                dividend.currency(), dividend.declarationDate(), dividend.recordDate(), dividend.payDate(),
                dividend.frequency(), dividend.distributionType());
    }

    static Listing listing(org.stockticker.domain.Listing listing) {
        return new Listing(listing.symbol().value(), listing.name(), listing.exchange(), listing.type(),
                listing.currency(), listing.active(), listing.listDate(), listing.delistedDate());
    }

    static org.stockticker.domain.Adjustment adjustment(Adjustment adjustment) {
        return adjustment == Adjustment.SPLITS ? org.stockticker.domain.Adjustment.SPLITS
                : org.stockticker.domain.Adjustment.SPLITS_AND_DIVIDENDS;
    }
}
