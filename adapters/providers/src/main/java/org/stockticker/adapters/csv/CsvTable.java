package org.stockticker.adapters.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.UnreadableSymbolException;

/**
 * One file of the {@code csv} provider's directory read as a table: a header line naming the columns (any case, any
 * order, extra columns ignored), then rows, each handed on with its line number.
 *
 * <p>A row that cannot be read (more cells than the header names) or that its reader refuses is skipped with a
 * warning naming the file and line, so that one bad line does not hide the rest of the file; past the first few, the
 * skips are summed up in one line ({@link SkipLog}). A file without a header, without a column its layout needs, or
 * that stops being CSV is refused as a whole, naming the file.
 */
final class CsvTable implements AutoCloseable {

    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() { })
            .with(CsvSchema.emptySchema().withHeader())
            .with(CsvParser.Feature.TRIM_SPACES)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    /** How much of the parser's own account of a row a warning quotes. */
    private static final int REASON_CHARS = 200;

    private final Path file;
    private final MappingIterator<Map<String, String>> rows;
    private final Map<String, String> columns;

    private CsvTable(Path file, MappingIterator<Map<String, String>> rows, Map<String, String> columns) {
        this.file = file;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * The table of {@code file}, which must be in {@code layout}; empty when the file does not exist. Only a regular
     * file directly inside the directory of {@code files} is opened (see {@link CsvFiles#regularFileInside}).
     *
     * @throws UnreadableSymbolException when the file is refused, has no header, or lacks a column the layout needs
     */
    static Optional<CsvTable> open(CsvFiles files, Path file, Layout layout) {
        InputStream in;
        try {
            Optional<Path> readable = files.regularFileInside(file);
            if (readable.isEmpty()) {
                return Optional.empty();
            }
            // The file proven regular and inside the directory is opened without following links, so that it cannot
            // be swapped for a link in between.
            in = Files.newInputStream(readable.get(), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        MappingIterator<Map<String, String>> rows;
        try {
            // Handing Jackson the bytes rather than a Reader lets it detect the encoding and drop a byte order mark.
            rows = ROWS.readValues(in);
        } catch (CsvReadException e) {
            closeQuietly(in);
            throw new UnreadableSymbolException(file + " has no header line; it must start with " + layout.header(),
                    e);
        } catch (JsonProcessingException e) {
            closeQuietly(in);
            throw notCsv(file, e);
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
        try {
            return Optional.of(new CsvTable(file, rows, layout.columnsOf(rows, file)));
        } catch (RuntimeException e) {
            closeQuietly(rows);
            throw e;
        }
    }

    /** The file this table was read from, as warnings name it. */
    Path file() {
        return file;
    }

    /**
     * Hands each row to {@code reader}, in file order. A row {@code reader} refuses with an
     * {@link IllegalArgumentException} is skipped with a warning to {@code skips} quoting its message, counted as
     * {@code refusedKind} ("that cannot be a bar") unless the exception is a {@link CsvRow.Skipped} of its own kind.
     */
    void forEachRow(SkipLog skips, String refusedKind, Consumer<CsvRow> reader) {
        try {
            while (rows.hasNextValue()) {
                Map<String, String> cells;
                try {
                    cells = rows.nextValue();
                } catch (CsvReadException e) {
                    // More cells than the header names; the parser resumes at the next row. Its message may quote a cell.
                    skips.skip("with more cells than the header", "Skipping {} line {}: {}", file,
                            lineOf(e.getLocation()), CsvRow.excerpt(e.getOriginalMessage(), REASON_CHARS));
                    continue;
                }
                CsvRow row = new CsvRow(cells, columns, lineOf(rows.getParser().currentTokenLocation()));
                try {
                    reader.accept(row);
                } catch (IllegalArgumentException e) {
                    String kind = e instanceof CsvRow.Skipped skipped ? skipped.kind() : refusedKind;
                    skips.skip(kind, "Skipping {} line {}: {}", file, row.line(), e.getMessage());
                }
            }
            skips.finish("rows of " + file);
        } catch (JsonProcessingException e) {
            throw notCsv(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(rows);
    }

    private static long lineOf(JsonLocation location) {
        return location == null ? -1 : location.getLineNr();
    }

    private static UnreadableSymbolException notCsv(Path file, JsonProcessingException e) {
        return new UnreadableSymbolException(file + " is not valid CSV at line " + lineOf(e.getLocation()) + ": "
                + e.getOriginalMessage(), e);
    }

    private static ProviderUnavailableException unreadable(Path file, IOException e) {
        return new ProviderUnavailableException("Could not read " + file + ": " + e, e);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Only the file handle is released here; whatever was read has been handed over already.
        }
    }

    /**
     * What a kind of file looks like: its header as documented ({@code Date,Open,High,Low,Close,Adj Close,Volume})
     * and which of those columns it cannot do without.
     */
    record Layout(List<String> columns, Set<String> required) {

        Layout {
            columns = List.copyOf(columns);
            required = Set.copyOf(required);
        }

        /** A layout of {@code header}, the documented header line, whose columns {@code required} must be there. */
        static Layout of(String header, String... required) {
            return new Layout(List.of(header.split(",")), Set.of(required));
        }

        String header() {
            return String.join(",", columns);
        }

        /**
         * Where the file of {@code rows} keeps each column, by documented name in any case: the header as written.
         * A documented column named twice is refused, since it would be unclear which value is meant.
         */
        Map<String, String> columnsOf(MappingIterator<?> rows, Path file) {
            Set<String> known = columns.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (CsvSchema.Column column : (CsvSchema) rows.getParserSchema()) {
                // The parser has trimmed the name; case is left to the map.
                String name = column.getName();
                if (byName.putIfAbsent(name, name) != null && known.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new UnreadableSymbolException(file + " names column " + name + " twice");
                }
            }
            for (String name : columns) {
                if (required.contains(name) && !byName.containsKey(name)) {
                    throw new UnreadableSymbolException(file + " has no " + name + " column; its header must name "
                            + header() + optionalColumns());
                }
            }
            return byName;
        }

        private String optionalColumns() {
            List<String> optional = columns.stream().filter(name -> !required.contains(name)).toList();
            if (optional.isEmpty()) {
                return "";
            }
            String listed = optional.size() == 1 ? optional.get(0)
                    : String.join(", ", optional.subList(0, optional.size() - 1)) + " and "
                            + optional.get(optional.size() - 1);
            return " (" + listed + " may be left out)";
        }
    }
}
