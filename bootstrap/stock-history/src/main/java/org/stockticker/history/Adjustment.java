package org.stockticker.history;

/** Which corporate actions {@link StockHistory#adjustedBars} takes out of a symbol's as-traded prices. */
public enum Adjustment {

    /** Splits only: prices and volumes compare across splits, while each dividend's drop stays in the prices. */
    SPLITS,

    /** Splits and cash dividends: prices compare as a total return, as a provider's adjusted close does. */
    SPLITS_AND_DIVIDENDS
}
