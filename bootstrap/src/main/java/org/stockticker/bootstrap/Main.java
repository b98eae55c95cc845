package org.stockticker.bootstrap;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.stockticker.adapters.airbyte.AirbyteLogProvider;
import org.stockticker.adapters.airbyte.AirbyteMessageWriter;
import org.stockticker.adapters.airbyte.ConnectorConfig;
import org.stockticker.application.InvalidInputException;
import org.stockticker.application.port.in.ReadPricesUseCase.ReadCommand;
import org.stockticker.application.port.out.MessageSinkPort.FailureType;
import org.stockticker.domain.ConfiguredCatalog;
import org.stockticker.domain.StreamState;

/**
 * The connector's entry point: the four commands of the Airbyte Specification, with exit status 0 on success
 * (also for a check that answers FAILED), 1 when discover or read fail, and 2 for a malformed command line.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    Main(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // Before any logger exists: SLF4J picks its provider once, and stdout is for protocol messages only.
        System.setProperty("slf4j.provider", AirbyteLogProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        int status = new Main(out, System.err, Clock.systemUTC()).run(args);
        out.flush();
        System.exit(status);
    }

    int run(String[] arguments) {
        List<String> args = Arrays.asList(arguments);
        if (CommandLine.wantsHelp(args)) {
            out.print(CommandLine.USAGE);
            out.flush();
            return OK;
        }
        if (args.isEmpty()) {
            err.print(CommandLine.USAGE);
            return USAGE;
        }
        AirbyteMessageWriter writer = new AirbyteMessageWriter(out, clock);
        AirbyteLogProvider.routeTo(writer);
        try {
            CommandLine line;
            try {
                line = CommandLine.parse(args);
            } catch (CommandLine.Malformed e) {
                writer.error(FailureType.CONFIG, e.getMessage(), null);
                err.print(CommandLine.USAGE);
                return USAGE;
            }
            ConnectorComponent connector = DaggerConnectorComponent.factory().create(writer, clock);
            return switch (line.command()) {
                case "spec" -> spec(connector);
                case "check" -> check(connector, writer, line);
                case "discover" -> discover(connector, writer, line);
                default -> read(connector, writer, line);
            };
        } finally {
            writer.flush();
        }
    }

    private static int spec(ConnectorComponent connector) {
        connector.spec().spec();
        return OK;
    }

    private static int check(ConnectorComponent connector, AirbyteMessageWriter writer, CommandLine line) {
        try {
            ConnectorConfig config = config(connector, writer, line);
            connector.sync().create(config.provider()).check().check(config.settings());
        } catch (InvalidInputException e) {
            writer.connectionStatus(false, e.getMessage());
        } catch (RuntimeException e) {
            writer.log(org.stockticker.application.port.out.MessageSinkPort.LogLevel.ERROR,
                    "check failed unexpectedly: " + e);
            writer.connectionStatus(false, "The check failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); see the logs");
        }
        return OK;
    }

    private static int discover(ConnectorComponent connector, AirbyteMessageWriter writer, CommandLine line) {
        try {
            config(connector, writer, line);
            connector.discover().discover();
            return OK;
        } catch (InvalidInputException e) {
            writer.error(FailureType.CONFIG, e.getMessage(), null);
            return FAILED;
        } catch (RuntimeException e) {
            writer.error(FailureType.SYSTEM, "discover failed unexpectedly (" + e.getClass().getSimpleName() + ")", e);
            return FAILED;
        }
    }

    private static int read(ConnectorComponent connector, AirbyteMessageWriter writer, CommandLine line) {
        try {
            ConnectorConfig config = config(connector, writer, line);
            ConfiguredCatalog catalog = connector.catalogReader().read(line.option("--catalog"));
            StreamState state = line.optional("--state")
                    .map(path -> connector.stateReader().read(path))
                    .orElse(StreamState.empty());
            boolean complete = connector.sync().create(config.provider()).read()
                    .read(new ReadCommand(config.settings(), catalog, state));
            return complete ? OK : FAILED;
        } catch (InvalidInputException e) {
            writer.error(FailureType.CONFIG, e.getMessage(), null);
            return FAILED;
        } catch (RuntimeException e) {
            writer.error(FailureType.SYSTEM, "read failed unexpectedly (" + e.getClass().getSimpleName() + ")", e);
            return FAILED;
        }
    }

    private static ConnectorConfig config(ConnectorComponent connector, AirbyteMessageWriter writer,
            CommandLine line) {
        ConnectorConfig config = connector.configReader().read(line.option("--config"));
        config.secrets().forEach(writer::addSecret);
        return config;
    }
}
