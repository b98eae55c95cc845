package org.stockticker.adapters.tiingo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One element of a Tiingo prices answer, as sent. Plain {@code open..volume} are as traded; {@code adjClose} is
 * adjusted for splits and dividends. {@code divCash} (the cash dividend going ex on the day) and
 * {@code splitFactor} (1.0 on an ordinary day, 4.0 on the day of a 4:1 split) are kept because they mark the days
 * that change every adjusted price before them; records do not carry them.
 */
record TiingoBar(
        @JsonProperty("date") String date,
        @JsonProperty("open") BigDecimal open,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("close") BigDecimal close,
        @JsonProperty("volume") BigDecimal volume,
        @JsonProperty("adjClose") BigDecimal adjClose,
        @JsonProperty("divCash") BigDecimal divCash,
        @JsonProperty("splitFactor") BigDecimal splitFactor) {
}
