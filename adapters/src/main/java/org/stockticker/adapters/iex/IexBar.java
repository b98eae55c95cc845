package org.stockticker.adapters.iex;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One element of an IEX chart answer, as sent. Plain {@code open..volume} are split-adjusted, {@code u*}
 * unadjusted (as traded) and {@code f*} adjusted for splits and dividends; older answers lack {@code u*} and
 * {@code f*}, and some old bars have null prices.
 */
record IexBar(
        @JsonProperty("date") String date,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("close") BigDecimal close,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("uOpen") BigDecimal uOpen,
        @JsonProperty("uHigh") BigDecimal uHigh,
        @JsonProperty("uLow") BigDecimal uLow,
        @JsonProperty("uClose") BigDecimal uClose,
        @JsonProperty("uVolume") BigDecimal uVolume,
        @JsonProperty("fClose") BigDecimal fClose) {
}
