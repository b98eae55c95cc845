package org.stockticker.domain;

/** The kinds of value a stream's field holds. */
public enum FieldType {
    STRING,
    /** A calendar day, written {@code YYYY-MM-DD}. */
    DATE,
    /** An exact decimal. */
    NUMBER,
    INTEGER,
    BOOLEAN
}
