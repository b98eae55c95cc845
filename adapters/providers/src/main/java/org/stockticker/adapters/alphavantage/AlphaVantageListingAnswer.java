package org.stockticker.adapters.alphavantage;

/**
 * One answer of Alpha Vantage's {@code LISTING_STATUS} function: the CSV text of the listings, or, where Alpha
 * Vantage explained itself in JSON instead, that explanation (a rate limit never arrives here: see
 * {@link AlphaVantageDecoder}).
 */
record AlphaVantageListingAnswer(String csv, AlphaVantageAnswer explanation) {

    static AlphaVantageListingAnswer listings(String csv) {
        return new AlphaVantageListingAnswer(csv, null);
    }

    static AlphaVantageListingAnswer explained(AlphaVantageAnswer explanation) {
        return new AlphaVantageListingAnswer(null, explanation);
    }
}
