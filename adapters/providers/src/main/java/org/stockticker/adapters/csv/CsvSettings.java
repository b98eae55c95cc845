package org.stockticker.adapters.csv;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.ProviderConfig;

/** Where the {@code csv} provider finds its files: one directory holding a {@code SYMBOL.csv} file per ticker. */
public record CsvSettings(Path directory) {

    public CsvSettings {
        Objects.requireNonNull(directory, "directory is required");
        // Absolute and normalized, so that a symbol's file can be proven to lie inside it.
        directory = directory.toAbsolutePath().normalize();
    }

    /** Reads {@code provider.path}; a relative path is taken from the working directory. */
    public static CsvSettings from(ProviderConfig config) {
        String text = config.requiredString("path");
        Path given;
        try {
            given = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("provider.path '" + text + "' is not a valid path: " + e.getReason(), e);
        }
        CsvSettings settings = new CsvSettings(given);
        Path directory = settings.directory();
        String shown = "provider.path '" + text + "'" + (given.isAbsolute() ? "" : " (resolved to " + directory + ")");
        if (!Files.exists(directory)) {
            throw new InvalidInputException(shown + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(shown + " is not a directory");
        }
        if (!Files.isReadable(directory)) {
            throw new InvalidInputException(shown + " is not readable");
        }
        return settings;
    }
}
