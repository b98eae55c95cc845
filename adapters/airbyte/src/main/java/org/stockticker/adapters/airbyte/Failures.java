package org.stockticker.adapters.airbyte;

import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage.FailureType;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadStoppedException;
import org.stockticker.application.port.in.UnknownTickersException;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.QuotaSpentException;
import org.stockticker.application.port.out.RejectedCredentialsException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;

/**
 * The one place that decides what a failure means to the user: something to fix in the configuration (config),
 * something time will fix (transient), or a fault of the connector (system); and how each is worded.
 */
final class Failures {

    private Failures() {
    }

    /** Who can fix {@code failure}. */
    static FailureType typeOf(Throwable failure) {
        if (failure instanceof InvalidInputException || failure instanceof RejectedCredentialsException
                || failure instanceof UnknownSymbolException || failure instanceof UnknownTickersException
                || failure instanceof UnreadableSymbolException || failure instanceof CommandLine.Malformed) {
            return FailureType.CONFIG_ERROR;
        }
        if (failure instanceof ProviderUnavailableException || failure instanceof QuotaSpentException
                || failure instanceof ReadStoppedException) {
            return FailureType.TRANSIENT_ERROR;
        }
        return FailureType.SYSTEM_ERROR;
    }

    /**
     * What to tell the user of a command that failed before it could begin: the problem itself, or for a fault of
     * the connector, which command failed and how, the details being for the internal fields.
     */
    static String commandMessage(String command, Throwable failure) {
        return typeOf(failure) == FailureType.SYSTEM_ERROR
                ? command + " failed unexpectedly (" + failure.getClass().getSimpleName() + ")"
                : failure.getMessage();
    }

    /**
     * What a failed check tells the user: the problem itself, or for a fault of the connector, which check failed
     * and a pointer to the log, where the details go.
     */
    static String checkMessage(String what, Throwable failure) {
        return typeOf(failure) == FailureType.SYSTEM_ERROR
                ? what + " failed unexpectedly (" + failure.getClass().getSimpleName() + "); see the logs"
                : failure.getMessage();
    }

    /**
     * What to tell the user of a stream that stopped. A spent quota says which, when it resets and where the next
     * sync resumes.
     */
    static String readMessage(ReadFailure failure) {
        Throwable cause = failure.cause();
        String what = failure.symbol() != null ? failure.symbol().value() : "stream " + failure.stream();
        if (cause instanceof QuotaSpentException spent) {
            return "Provider " + spent.provider() + ": " + spent.budget() + " is spent, so the read stopped at " + what
                    + "; " + spent.resetsAt().map(reset -> "it resets at " + reset)
                            .orElse("the provider does not say when it resets")
                    + "; everything read before is checkpointed, and the next sync resumes from the last STATE";
        }
        return switch (typeOf(cause)) {
            case CONFIG_ERROR -> cause.getMessage();
            case TRANSIENT_ERROR -> "Provider " + failure.provider() + " failed while reading " + what + ": "
                    + cause.getMessage() + ". Everything read before has been checkpointed; the next sync resumes"
                    + " from there";
            case SYSTEM_ERROR -> "Reading " + what + " from provider " + failure.provider() + " failed unexpectedly ("
                    + cause.getClass().getSimpleName() + ")";
        };
    }

    /** The TRACE ERROR of a read stopped from outside: time fixes it, as the next sync resumes. */
    static FailureType stopped() {
        return typeOf(new ReadStoppedException());
    }

    /** The cause worth the internal fields of a TRACE ERROR: none for the user's own mistakes. */
    static Throwable internalCause(Throwable failure) {
        return typeOf(failure) == FailureType.CONFIG_ERROR ? null : failure;
    }
}
