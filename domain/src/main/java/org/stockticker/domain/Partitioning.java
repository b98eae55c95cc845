package org.stockticker.domain;

/** How a stream's reading is cut into partitions, each checkpointed once it is read. */
public enum Partitioning {
    /** One partition per symbol: each symbol's history, from its own cursor. */
    BY_SYMBOL,
    /** One partition per trading day, holding every symbol's records of that day, from one cursor for the stream. */
    BY_TRADING_DAY
}
