package org.stockticker.domain;

/** How a stream's progress is kept: what one cursor of its state stands for. */
public enum Partitioning {
    /**
     * One cursor per symbol: each symbol's history, from its own cursor, whether the read asks for it a symbol or a
     * trading day at a time; a whole-market read keeps one cursor for every symbol instead.
     */
    BY_SYMBOL
}
