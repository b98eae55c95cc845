package org.stockticker.adapters.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.Symbol;

/** Finds the {@code csv} provider's files in its directory, and only there: regular files directly inside it. */
final class CsvFiles {

    private final Path directory;

    /** The files of {@code directory}, absolute and normalized (see {@link CsvSettings}). */
    CsvFiles(Path directory) {
        this.directory = directory;
    }

    /** The file of {@code symbol}'s prices, named {@code SYMBOL.csv}; it may not exist. */
    Path fileOf(Symbol symbol) {
        return inside(symbol, symbol.value() + ".csv");
    }

    /**
     * The companion file of {@code symbol} holding its {@code kind} of events, named {@code SYMBOL.kind.csv}
     * ({@code IBM.splits.csv}); it may not exist.
     */
    Path companionOf(Symbol symbol, String kind) {
        return inside(symbol, symbol.value() + "." + kind + ".csv");
    }

    /** The file named {@code name} directly inside the directory; it may not exist. */
    Path named(String name) {
        return directory.resolve(name);
    }

    /** Whether {@code file} exists, as a link or anything else; nothing is followed or opened. */
    boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The file to read for {@code file}: itself when it is a regular file, or, when it is a symbolic link, the
     * regular file it leads to, provided that lies directly inside the directory too; empty when there is no such
     * file. Anything else (a link leading elsewhere, a directory, a FIFO, a device) is refused naming the file, and
     * never opened: a FIFO would block the read, a link could expose any file the connector may read.
     */
    Optional<Path> regularFileInside(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Path target = file;
        if (attributes.isSymbolicLink()) {
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException e) {
                throw refusedFile(file, "is a symbolic link to nothing");
            }
            if (!directory.toRealPath().equals(target.getParent())) {
                throw refusedFile(file, "is a symbolic link leading outside " + directory);
            }
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        if (!attributes.isRegularFile()) {
            throw refusedFile(file, attributes.isDirectory() ? "is a directory, not a file"
                    : attributes.isSymbolicLink() ? "is a symbolic link leading outside " + directory
                    : "is not a regular file");
        }
        return Optional.of(target);
    }

    private Path inside(Symbol symbol, String name) {
        Path file = directory.resolve(name).normalize();
        // Symbols cannot spell ".." or "/" today; this keeps a future, wider alphabet from reading elsewhere.
        if (!directory.equals(file.getParent())) {
            throw new UnknownSymbolException(symbol, CsvPriceProvider.NAME);
        }
        return file;
    }

    private static UnreadableSymbolException refusedFile(Path file, String why) {
        return new UnreadableSymbolException(file + " " + why + "; provider csv reads only regular files directly inside"
                + " its path, so it was not read");
    }
}
