package org.stockticker.adapters.airbyte;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.stockticker.adapters.airbyte.input.CatalogReader;
import org.stockticker.adapters.airbyte.input.ConfigReader;
import org.stockticker.adapters.airbyte.input.ConnectorConfig;
import org.stockticker.adapters.airbyte.input.StateReader;
import org.stockticker.adapters.airbyte.logging.AirbyteLogProvider;
import org.stockticker.adapters.airbyte.output.AirbyteMessageWriter;
import org.stockticker.adapters.airbyte.output.OutputClosedException;
import org.stockticker.adapters.airbyte.protocol.AirbyteErrorTraceMessage.FailureType;
import org.stockticker.application.port.in.CheckResult;
import org.stockticker.application.port.in.DiscoverUseCase;
import org.stockticker.application.port.in.ReadOutcome;
import org.stockticker.application.port.in.ReadOutcome.ReadFailure;
import org.stockticker.application.port.in.ReadUseCase.ReadCommand;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.SyncState;

/**
 * The Airbyte edge: runs the four commands of the Airbyte Specification. It parses the command line, reads the
 * files the platform hands over, calls the use cases, and turns their results and failures into protocol messages
 * and an exit status: 0 on success (also for a check that answers FAILED), 1 when discover or read fail, and 2 for a
 * malformed command line. {@code --help} and {@code --version} answer text for a person instead.
 */
public final class AirbyteConnector {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final OutputStream out;
    private final PrintStream err;
    private final Clock clock;
    private final AirbyteMessageWriter writer;
    private final DiscoverUseCase everyStream;
    private final ProviderUseCases.Factory providers;
    private final ReadStops stops;

    /**
     * A connector that writes its messages with {@code writer} (on {@code out}), usage errors on {@code err}, reads
     * "today" from {@code clock}, and builds the provider's use cases with {@code providers}.
     */
    public AirbyteConnector(OutputStream out, PrintStream err, Clock clock, AirbyteMessageWriter writer,
            DiscoverUseCase everyStream, ProviderUseCases.Factory providers) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.writer = writer;
        this.everyStream = everyStream;
        this.providers = providers;
        this.stops = new ReadStops(writer);
    }

    /**
     * Runs the command {@code args} name, and answers the process's exit status. When standard output can no longer
     * be written (its reader went away), the command stops at once, says so on standard error, and fails.
     */
    public int run(List<String> args) {
        try {
            return command(args);
        } catch (OutputClosedException e) {
            err.println("source-stock-ticker: stopped: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException | Error e) {
            // A failure outside every command's own handling: still a TRACE ERROR while the process can write.
            try {
                writer.error(Failures.typeOf(e), Failures.commandMessage("The connector", e), e);
                writer.flush();
            } catch (RuntimeException | Error ignored) {
                err.println("source-stock-ticker: failed unexpectedly: " + writer.mask(String.valueOf(e)));
            }
            return FAILED;
        } finally {
            stops.commandEnded();
        }
    }

    /**
     * Stops a read in progress, from another thread (the process was asked to end): see {@link ReadStops}. Does
     * nothing once the command has ended.
     */
    public void stop() {
        stops.stop();
    }

    private int command(List<String> args) {
        if (CommandLine.wantsHelp(args)) {
            writeText(CommandLine.usage());
            return OK;
        }
        if (CommandLine.wantsVersion(args)) {
            writeText("source-stock-ticker " + ConnectorVersion.VERSION + "\n");
            return OK;
        }
        if (args.isEmpty()) {
            err.print(CommandLine.usage());
            return USAGE;
        }
        AirbyteLogProvider.routeTo(writer);
        try {
            CommandLine line;
            try {
                line = CommandLine.parse(args);
            } catch (CommandLine.Malformed e) {
                writer.error(Failures.typeOf(e), e.getMessage(), null);
                err.print(CommandLine.usage());
                return USAGE;
            }
            return switch (line.command()) {
                case "spec" -> spec();
                case "check" -> check(line);
                case "discover" -> discover(line);
                default -> read(line);
            };
        } finally {
            writer.flush();
        }
    }

    /** Text for a person, the only stdout that is not a protocol message: usage and version. */
    private void writeText(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    private int spec() {
        writer.spec();
        return OK;
    }

    private int check(CommandLine line) {
        try {
            ConnectorConfig config = warnedConfig(line);
            CheckResult result = providers.forProvider(config.provider()).check().check(config.settings());
            result.warnings().forEach(warning -> writer.log(LogLevel.WARN, warning));
            if (result.failure().isEmpty()) {
                writer.connectionStatus(result.succeeded(), result.message());
            } else {
                Throwable failure = result.failure().get();
                writer.connectionStatus(false, checkMessage(failure, "Checking ticker " + result.symbol()
                        + " with provider " + config.provider().name(), "Checking " + result.symbol() + " failed"));
            }
        } catch (OutputClosedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            writer.connectionStatus(false, checkMessage(e, "The check", "check failed unexpectedly"));
        }
        return OK;
    }

    /** A failed check's message (see {@link Failures#checkMessage}); a fault of the connector is logged first. */
    private String checkMessage(Throwable failure, String what, String logged) {
        if (Failures.typeOf(failure) == FailureType.SYSTEM_ERROR) {
            writer.log(LogLevel.ERROR, logged + ": " + failure);
        }
        return Failures.checkMessage(what, failure);
    }

    private int discover(CommandLine line) {
        try {
            ConnectorConfig config = config(line);
            writer.catalog(providers.forProvider(config.provider()).discover().discover());
            return OK;
        } catch (OutputClosedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return failed("discover", e);
        }
    }

    private int read(CommandLine line) {
        try {
            ConnectorConfig config = warnedConfig(line);
            ConfiguredCatalog catalog = new CatalogReader().read(line.option("--catalog"));
            SyncState state = line.optional("--state")
                    .map(path -> new StateReader(everyStream.discover().names()).read(path))
                    .orElse(SyncState.none());
            ReadOutcome outcome;
            try {
                outcome = providers.forProvider(config.provider()).read()
                        .read(new ReadCommand(config.settings(), catalog, state, stops.begin()));
            } finally {
                stops.readEnded();
            }
            for (ReadFailure failure : outcome.failures()) {
                writer.error(Failures.typeOf(failure.cause()), Failures.readMessage(failure),
                        Failures.internalCause(failure.cause()));
            }
            return outcome.complete() ? OK : FAILED;
        } catch (OutputClosedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return failed("read", e);
        }
    }

    private int failed(String command, Throwable failure) {
        writer.error(Failures.typeOf(failure), Failures.commandMessage(command, failure),
                Failures.internalCause(failure));
        return FAILED;
    }

    /** The config, with a WARN for each property the spec does not know: the commands that use it say so. */
    private ConnectorConfig warnedConfig(CommandLine line) {
        ConnectorConfig config = config(line);
        config.unknownProperties().forEach(note -> writer.log(LogLevel.WARN, note));
        return config;
    }

    private ConnectorConfig config(CommandLine line) {
        ConnectorConfig config = new ConfigReader(clock).read(line.option("--config"));
        config.secrets().forEach(writer::addSecret);
        return config;
    }
}
