package org.stockticker.domain;

import java.util.List;
import java.util.Set;

/**
 * The streams of the events that change a stock's prices, and of its listings: {@code splits} and {@code dividends},
 * incremental on their event date per symbol, and {@code tickers}, read in full every time.
 */
public final class CorporateActions {

    public static final String SPLITS_NAME = "splits";
    public static final String DIVIDENDS_NAME = "dividends";
    public static final String TICKERS_NAME = "tickers";

    public static final StreamDefinition<Split> SPLITS = new StreamDefinition<>(
            SPLITS_NAME,
            List.of(
                    StreamField.of("symbol", FieldType.STRING, false,
                            "Ticker symbol, upper case, as configured (BRK.B)", Split::symbol),
                    StreamField.of("execution_date", FieldType.DATE, false,
                            "The first trading day on which the stock trades split-adjusted, in the exchange's"
                            + " calendar (America/New_York)", Split::executionDate),
                    StreamField.of("split_from", FieldType.NUMBER, false,
                            "Shares held before the split for every split_to shares after it: 1 in a 4-for-1"
                            + " split, 10 in a 1-for-10 reverse split; exact", Split::splitFrom),
                    StreamField.of("split_to", FieldType.NUMBER, false,
                            "Shares held after the split for every split_from shares before it: 4 in a 4-for-1"
                            + " split, 1 in a 1-for-10 reverse split; exact. Prices before execution_date times"
                            + " split_from / split_to compare with prices after it", Split::splitTo),
                    StreamField.providerName()),
            List.of("symbol", "execution_date"),
            "execution_date",
            Partitioning.BY_SYMBOL,
            Set.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));

    public static final StreamDefinition<Dividend> DIVIDENDS = new StreamDefinition<>(
            DIVIDENDS_NAME,
            List.of(
                    StreamField.of("symbol", FieldType.STRING, false,
                            "Ticker symbol, upper case, as configured (BRK.B)", Dividend::symbol),
                    StreamField.of("ex_dividend_date", FieldType.DATE, false,
                            "The first trading day on which a buyer no longer receives the dividend, in the"
                            + " exchange's calendar; the day the price drops by about the amount",
                            Dividend::exDividendDate),
                    StreamField.of("cash_amount", FieldType.NUMBER, false,
                            "Cash paid per share, exact, as declared: not adjusted for later splits",
                            Dividend::cashAmount),
                    StreamField.of("currency", FieldType.STRING, true,
                            "ISO 4217 code of cash_amount (USD); null where the provider does not say",
                            Dividend::currency),
                    StreamField.of("declaration_date", FieldType.DATE, true,
                            "The day the company announced the dividend; null where unknown",
                            Dividend::declarationDate),
                    StreamField.of("record_date", FieldType.DATE, true,
                            "The day a holder must be on record to be paid; null where unknown",
                            Dividend::recordDate),
                    StreamField.of("pay_date", FieldType.DATE, true,
                            "The day the dividend is paid; null where unknown", Dividend::payDate),
                    StreamField.of("frequency", FieldType.INTEGER, true,
                            "Payments a year: 4 for quarterly, 12 for monthly, 0 for a one-off; null where"
                            + " unknown", Dividend::frequency),
                    StreamField.of("distribution_type", FieldType.STRING, false,
                            "The kind of distribution, lower case: regular unless the provider says otherwise"
                            + " (special, supplemental, ...); part of the key, since a special dividend can share"
                            + " a regular one's ex-dividend date", Dividend::distributionType),
                    StreamField.providerName()),
            List.of("symbol", "ex_dividend_date", "distribution_type"),
            "ex_dividend_date",
            Partitioning.BY_SYMBOL,
            Set.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));

    public static final StreamDefinition<Listing> TICKERS = new StreamDefinition<>(
            TICKERS_NAME,
            List.of(
                    StreamField.of("symbol", FieldType.STRING, false,
                            "Ticker symbol, upper case (BRK.B)", Listing::symbol),
                    StreamField.of("name", FieldType.STRING, true,
                            "The company's or fund's name; null where unknown", Listing::name),
                    StreamField.of("exchange", FieldType.STRING, true,
                            "The exchange it trades on, as the provider names it (XNAS, NYSE); null where unknown",
                            Listing::exchange),
                    StreamField.of("type", FieldType.STRING, true,
                            "The kind of security, as the provider names it (CS for common stock, ETF); null"
                            + " where unknown", Listing::type),
                    StreamField.of("currency", FieldType.STRING, true,
                            "The currency it trades in, upper case (USD); null where unknown", Listing::currency),
                    StreamField.of("active", FieldType.BOOLEAN, false,
                            "Whether it still trades", Listing::active),
                    StreamField.of("list_date", FieldType.DATE, true,
                            "The day it was first listed; null where unknown", Listing::listDate),
                    StreamField.of("delisted_date", FieldType.DATE, true,
                            "The day it was delisted; null while it trades, and where unknown",
                            Listing::delistedDate),
                    StreamField.providerName()),
            List.of("symbol"),
            null,
            Partitioning.BY_SYMBOL,
            Set.of(SyncMode.FULL_REFRESH));

    private CorporateActions() {
    }
}
