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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockticker.adapters.provider.BarSkipRules;
import org.stockticker.adapters.provider.SkipLog;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderReach;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.application.port.out.UnreadableSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Daily bars from local files: {@code SYMBOL.csv} per ticker in one directory, in the common export layout
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}.
 *
 * <p>A row that cannot be a bar is skipped with a warning naming the file and line, and quoting at most 20 characters
 * of a bad cell, control characters replaced; so that one bad line does not hide the rest of a long history. Past
 * the first few, skipped rows are summed up in one line ({@link SkipLog}). A file without the columns a bar needs
 * is refused as a whole.
 *
 * <p>Only regular files directly inside the directory are read: a {@code SYMBOL.csv} that is a symbolic link is
 * followed only to a regular file directly inside the directory too; a link leading elsewhere, a directory, a FIFO or
 * a device is refused, naming the file, and never opened.
 */
public final class CsvPriceProvider implements PriceProviderPort {

    static final String NAME = "csv";
    private static final Logger LOG = LoggerFactory.getLogger(CsvPriceProvider.class);

    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() { })
            .with(CsvSchema.emptySchema().withHeader())
            .with(CsvParser.Feature.TRIM_SPACES)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    /** Longer than any number a price file holds; a longer cell is no number and is not parsed at all. */
    private static final int MAX_NUMBER_CHARS = 1000;

    /** How much of a cell a warning quotes. */
    private static final int CELL_CHARS = 20;

    /** How much of the parser's own account of a row a warning quotes. */
    private static final int REASON_CHARS = 200;

    private final CsvFiles files;
    private final Logger log;

    public CsvPriceProvider(CsvSettings settings) {
        this(settings, LOG);
    }

    /** A provider that reports skipped rows to {@code log}, so that the reports themselves can be checked. */
    CsvPriceProvider(CsvSettings settings, Logger log) {
        this.files = new CsvFiles(settings.directory());
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One file a symbol, read as fast as asked; a file may carry an {@code Adj Close} column, which splits and
     * dividends change.
     */
    @Override
    public ProviderReach reach() {
        return ProviderReach.perSymbol(true, ProviderReach.UNPACED);
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        Path file = files.fileOf(symbol);
        // Files may list their rows in any order, so the window is gathered whole and sorted before it is handed on.
        TreeMap<LocalDate, DailyBar> bars = new TreeMap<>();
        SkipLog skips = new SkipLog(log);
        try (MappingIterator<Map<String, String>> rows = open(symbol, file)) {
            Columns columns = Columns.of(rows, file);
            while (rows.hasNextValue()) {
                Map<String, String> cells;
                try {
                    cells = rows.nextValue();
                } catch (CsvReadException e) {
                    // More cells than the header names; the parser resumes at the next row. Its message may quote a cell.
                    skips.skip("with more cells than the header", "Skipping {} line {}: {}", file,
                            lineOf(e.getLocation()), excerpt(e.getOriginalMessage(), REASON_CHARS));
                    continue;
                }
                long line = lineOf(rows.getParser().currentTokenLocation());
                try {
                    LocalDate date = columns.date(cells);
                    if (window.contains(date)) {
                        DailyBar bar = columns.bar(symbol, date, cells);
                        if (bars.putIfAbsent(date, bar) != null) {
                            skips.skip("with a repeated date",
                                    "Skipping {} line {}: {} appears again; the first row of that day is kept",
                                    file, line, date);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    skips.skip("that cannot be a bar", "Skipping {} line {}: {}", file, line, e.getMessage());
                }
            }
            skips.finish("rows of " + file);
        } catch (JsonProcessingException e) {
            throw notCsv(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return bars.values().stream();
    }

    @Override
    public void verify(Symbol symbol) {
        Path file = files.fileOf(symbol);
        try (MappingIterator<Map<String, String>> rows = open(symbol, file)) {
            Columns.of(rows, file);
        } catch (JsonProcessingException e) {
            throw notCsv(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private MappingIterator<Map<String, String>> open(Symbol symbol, Path file) throws IOException {
        InputStream in;
        try {
            // The file proven regular and inside the directory is opened without following links, so that it cannot
            // be swapped for a link in between.
            in = Files.newInputStream(files.regularFileInside(symbol, file), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new UnknownSymbolException(symbol, NAME);
        }
        try {
            // Handing Jackson the bytes rather than a Reader lets it detect the encoding and drop a byte order mark.
            return ROWS.readValues(in);
        } catch (CsvReadException e) {
            in.close();
            throw new UnreadableSymbolException(file + " has no header line; it must start with "
                    + "Date,Open,High,Low,Close,Adj Close,Volume", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * At most {@code max} characters of {@code text}, quoted in a log line: control characters (line breaks, escape
     * sequences) become {@code ?}, so that a cell can neither forge log lines nor fill them.
     */
    static String excerpt(String text, int max) {
        String shown = text.length() <= max ? text : text.substring(0, max);
        StringBuilder clean = new StringBuilder(shown.length() + 3);
        shown.codePoints().forEach(c -> clean.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return text.length() <= max ? clean.toString() : clean.append("...").toString();
    }

    private static String cell(String text) {
        return "'" + excerpt(text, CELL_CHARS) + "'";
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

    /** Where a file keeps each value, by header name: any case, any order, extra columns ignored. */
    private record Columns(String date, String open, String high, String low, String close, String adjClose,
            String volume) {

        private static final Set<String> KNOWN = Set.of("date", "open", "high", "low", "close", "adj close", "volume");

        static Columns of(MappingIterator<?> rows, Path file) {
            Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (CsvSchema.Column column : (CsvSchema) rows.getParserSchema()) {
                // The parser has trimmed the name; case is left to the map.
                String name = column.getName();
                // Two columns that read as one would leave it unclear which value is meant.
                if (byName.putIfAbsent(name, name) != null && KNOWN.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new UnreadableSymbolException(file + " names column " + name + " twice");
                }
            }
            return new Columns(required(byName, "Date", file), byName.get("Open"), byName.get("High"),
                    byName.get("Low"), required(byName, "Close", file), byName.get("Adj Close"),
                    byName.get("Volume"));
        }

        private static String required(Map<String, String> byName, String name, Path file) {
            String header = byName.get(name);
            if (header == null) {
                throw new UnreadableSymbolException(file + " has no " + name + " column; its header must name "
                        + "Date,Open,High,Low,Close,Adj Close,Volume (Adj Close, Open, High, Low and Volume may be "
                        + "left out)");
            }
            return header;
        }

        LocalDate date(Map<String, String> cells) {
            String text = text(cells, date);
            if (text == null) {
                throw new IllegalArgumentException("no date");
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("date " + cell(text) + " is not a YYYY-MM-DD day", e);
            }
        }

        /** The bar of one row; IllegalArgumentException says why the row cannot be one. */
        DailyBar bar(Symbol symbol, LocalDate day, Map<String, String> cells) {
            BigDecimal closePrice = price(cells, close, "Close");
            if (closePrice == null) {
                throw new IllegalArgumentException("no close");
            }
            return BarSkipRules.dailyBar(symbol, day, price(cells, open, "Open"), price(cells, high, "High"),
                    price(cells, low, "Low"), closePrice, shares(cells), price(cells, adjClose, "Adj Close"));
        }

        private static BigDecimal price(Map<String, String> cells, String header, String name) {
            String text = text(cells, header);
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_NUMBER_CHARS) {
                throw new IllegalArgumentException(name + " " + cell(text) + " is not a number");
            }
            try {
                // From the text, never through a double, so "181.9900" stays exactly that, scale included.
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " " + cell(text) + " is not a number", e);
            }
        }

        private Long shares(Map<String, String> cells) {
            String text = text(cells, volume);
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_NUMBER_CHARS) {
                throw new IllegalArgumentException("Volume " + cell(text) + " is not a whole number");
            }
            try {
                // Some exports write whole volumes as "123.0"; anything with a real fraction is not a share count.
                // longValueExact refuses an absurd exponent from precision and scale, without writing it out.
                return new BigDecimal(text).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("Volume " + cell(text) + " is not a whole number", e);
            }
        }

        /** The cell's text, or null where the file has no value: no column, an empty cell, "null" or "NaN". */
        private static String text(Map<String, String> cells, String header) {
            if (header == null) {
                return null;
            }
            String text = cells.get(header);
            if (text == null) {
                return null;
            }
            text = text.strip();
            return text.isEmpty() || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("NaN") ? null : text;
        }
    }
}
