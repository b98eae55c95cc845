package org.stockticker.bootstrap;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import org.stockticker.adapters.airbyte.AirbyteConnector;
import org.stockticker.adapters.airbyte.logging.AirbyteLogProvider;

/**
 * The connector's entry point: wires the Airbyte edge to the process's streams and clock, runs it, and exits. When
 * the process is asked to end (SIGTERM, SIGINT) during a read, the edge checkpoints and ends the read before the
 * process exits with the signal's status.
 */
public final class Main {

    /** How long the end of a stopped read may take before the process exits all the same. */
    private static final long STOP_WAIT_MILLIS = 5_000;

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: SLF4J picks its provider once, and stdout is for protocol messages only.
        System.setProperty("slf4j.provider", AirbyteLogProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        AirbyteLogProvider.beforeRoutingTo(System.err);
        int status;
        try {
            // Unbuffered: the edge writes whole lines only, and learns at once when its reader went away.
            AirbyteConnector connector = connector(new FileOutputStream(FileDescriptor.out), System.err,
                    Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(new StopOnExit(connector), "stop-on-signal"));
            status = connector.run(Arrays.asList(args));
        } catch (RuntimeException | Error e) {
            System.err.println("source-stock-ticker: failed before it could start: " + e);
            status = AirbyteConnector.FAILED;
        }
        System.exit(status);
    }

    /** Runs one command of the connector on the given streams; answers the exit status. */
    static int run(String[] args, OutputStream out, PrintStream err, Clock clock) {
        return connector(out, err, clock).run(Arrays.asList(args));
    }

    private static AirbyteConnector connector(OutputStream out, PrintStream err, Clock clock) {
        return DaggerConnectorComponent.factory().create(out, err, clock).connector();
    }

    /**
     * Stops a read in progress when the process ends, waiting a few seconds at most: a writer stuck on a full pipe
     * must not hold the exit. A class rather than a lambda, so that starting the connector loads no lambda machinery.
     */
    private static final class StopOnExit implements Runnable {

        private final AirbyteConnector connector;

        StopOnExit(AirbyteConnector connector) {
            this.connector = connector;
        }

        @Override
        public void run() {
            Thread stopping = new Thread(new Runnable() {
                @Override
                public void run() {
                    connector.stop();
                }
            }, "stop-read");
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
