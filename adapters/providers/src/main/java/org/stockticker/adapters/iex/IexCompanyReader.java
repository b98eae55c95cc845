package org.stockticker.adapters.iex;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.stockticker.adapters.json.JsonAnswer;
import org.stockticker.adapters.json.JsonFields;
import org.stockticker.domain.Dividend;
import org.stockticker.domain.Listing;
import org.stockticker.domain.Symbol;

/**
 * Reads IEX's company answer, one JSON object, into the symbol's {@link Listing}: {@code companyName},
 * {@code exchange} as IEX names it, {@code issueType} upper case as the type ({@code cs} is {@code CS}), and
 * {@code currency} where the answer has one. IEX lists the companies that trade, so the listing is active; it does
 * not tell the day of the listing, nor of a delisting.
 */
final class IexCompanyReader {

    private static final Set<String> TEXTS = Set.of("companyName", "exchange", "issueType", "currency");

    private final ObjectMapper mapper;
    private final Logger log;

    /** A reader that reports a currency it leaves out to {@code log}. */
    IexCompanyReader(ObjectMapper mapper, Logger log) {
        this.mapper = mapper;
        this.log = log;
    }

    /** The listing of {@code symbol} in the answer {@code response}, which is closed once read. */
    Listing listing(Response response, Symbol symbol) {
        try (JsonAnswer answer = JsonAnswer.open(mapper, response, IexPriceProvider.NAME, symbol,
                JsonToken.START_OBJECT, "a company")) {
            JsonFields company = JsonFields.read(answer.parser(), Set.of(), TEXTS);
            String type = company.trimmed("issueType");
            return new Listing(symbol, company.trimmed("companyName"), company.trimmed("exchange"),
                    type == null ? null : type.toUpperCase(Locale.ROOT), currency(company.trimmed("currency"), symbol),
                    true, null, null);
        } catch (IOException e) {
            throw JsonAnswer.brokenOff(IexPriceProvider.NAME, symbol);
        }
    }

    private String currency(String code, Symbol symbol) {
        if (code == null) {
            return null;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (Dividend.isCurrencyCode(upper)) {
            return upper;
        }
        log.warn("Leaving out the currency of the listing of {} from provider {}: the provider's code is not an"
                + " ISO 4217 currency code", symbol, IexPriceProvider.NAME);
        return null;
    }
}
