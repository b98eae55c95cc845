package org.stockticker.bootstrap;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.stockticker.adapters.airbyte.logging.AirbyteLogProvider;

/** The connector's entry point: wires the Airbyte edge to the process's streams and clock, runs it, and exits. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: SLF4J picks its provider once, and stdout is for protocol messages only.
        System.setProperty("slf4j.provider", AirbyteLogProvider.class.getName());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        AirbyteLogProvider.beforeRoutingTo(System.err);
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        int status = run(args, out, System.err, Clock.systemUTC());
        out.flush();
        System.exit(status);
    }

    /** Runs one command of the connector on the given streams; answers the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        return DaggerConnectorComponent.factory().create(out, err, clock).connector().run(Arrays.asList(args));
    }
}
