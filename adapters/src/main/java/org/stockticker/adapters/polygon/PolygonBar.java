package org.stockticker.adapters.polygon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One element of the {@code results} of a Polygon aggregates answer, as sent: open, high, low, close, volume
 * (a decimal on some tickers) and the start of the day in epoch milliseconds. The volume-weighted price
 * {@code vw} and the trade count {@code n} are not read.
 */
record PolygonBar(
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("c") BigDecimal close,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("t") Long startMillis) {
}
