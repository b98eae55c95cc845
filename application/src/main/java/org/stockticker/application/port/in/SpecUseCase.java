package org.stockticker.application.port.in;

/** Answers the connector's specification. */
public interface SpecUseCase {

    void spec();
}
