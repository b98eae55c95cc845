package org.stockticker.adapters.airbyte;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parsed command line of the Airbyte Specification: a command and its file options. */
record CommandLine(String command, Map<String, Path> options) {

    private static final String USAGE = """
            Usage: source-stock-ticker COMMAND [OPTIONS]

            source-stock-ticker VERSION: an Airbyte source of daily stock prices. Every line the commands
            print is an Airbyte protocol message.

            Commands:
              spec                                         the configuration's JSON schema
              check    --config CONFIG.json                whether the provider, key and tickers work
              discover --config CONFIG.json                the catalog of streams
              read     --config CONFIG.json --catalog CONFIGURED_CATALOG.json [--state STATE.json]
                                                           the records, with checkpoints

              --help                                       this text
              --version                                    the version

            Exit status: 0 success (also a check that answers FAILED), 1 discover or read failed,
            2 malformed command line.
            """;

    /** The usage text for a person, with the version; made when asked for, so that other commands start faster. */
    static String usage() {
        return USAGE.replace("VERSION", ConnectorVersion.VERSION);
    }

    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "spec", Set.of(),
            "check", Set.of("--config"),
            "discover", Set.of("--config"),
            "read", Set.of("--config", "--catalog"));

    private static final Set<String> KNOWN_OPTIONS = Set.of("--config", "--catalog", "--state");

    /** Whether the arguments ask for the usage text. */
    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h") || (args.size() == 1 && args.get(0).equals("help"));
    }

    /** Whether the arguments ask for the version (and not for the usage text, which names it too). */
    static boolean wantsVersion(List<String> args) {
        return args.contains("--version") || args.contains("-V");
    }

    /** Parses {@code args}; a malformed command line throws {@link Malformed}. */
    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            throw new Malformed("No command given: use spec, check, discover or read");
        }
        String command = args.get(0);
        if (!REQUIRED.containsKey(command)) {
            throw new Malformed("Unknown command '" + Printable.shown(command) + "': use spec, check, discover or read");
        }
        Map<String, Path> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = null;
            }
            if (!KNOWN_OPTIONS.contains(name)) {
                throw new Malformed("Unknown option '" + Printable.shown(name) + "' for command " + command);
            }
            if (value == null || value.isBlank()) {
                throw new Malformed("Option " + name + " needs a file path");
            }
            if (options.put(name, Path.of(value)) != null) {
                throw new Malformed("Option " + name + " is given twice");
            }
        }
        for (String required : REQUIRED.get(command)) {
            if (!options.containsKey(required)) {
                throw new Malformed("Command " + command + " needs " + required + " FILE");
            }
        }
        return new CommandLine(command, options);
    }

    Path option(String name) {
        return options.get(name);
    }

    Optional<Path> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A command line that does not follow the usage. */
    static final class Malformed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
