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
import org.stockticker.application.port.in.InvalidInputException;
import org.stockticker.application.port.out.PriceProviderPort;
import org.stockticker.application.port.out.ProviderUnavailableException;
import org.stockticker.application.port.out.UnknownSymbolException;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.Symbol;

/**
 * Daily bars from local files: {@code SYMBOL.csv} per ticker in one directory, in the common export layout
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}.
 *
 * <p>A row that cannot be a bar is skipped with a warning naming the file and line, so that one bad line does
 * not hide the rest of a long history. A file without the columns a bar needs is refused as a whole.
 */
public final class CsvPriceProvider implements PriceProviderPort {

    private static final String NAME = "csv";
    private static final Logger LOG = LoggerFactory.getLogger(CsvPriceProvider.class);

    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(new TypeReference<Map<String, String>>() { })
            .with(CsvSchema.emptySchema().withHeader())
            .with(CsvParser.Feature.TRIM_SPACES)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    /** Longer than any number a price file holds; a longer cell is no number and is not parsed at all. */
    private static final int MAX_NUMBER_CHARS = 1000;

    private final Path directory;

    public CsvPriceProvider(CsvSettings settings) {
        this.directory = settings.directory();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stream<DailyBar> dailyBars(Symbol symbol, DateWindow window) {
        Path file = fileOf(symbol);
        // Files may list their rows in any order, so the window is gathered whole and sorted before it is handed on.
        TreeMap<LocalDate, DailyBar> bars = new TreeMap<>();
        try (MappingIterator<Map<String, String>> rows = open(symbol, file)) {
            Columns columns = Columns.of(rows, file);
            while (rows.hasNextValue()) {
                Map<String, String> cells;
                try {
                    cells = rows.nextValue();
                } catch (CsvReadException e) {
                    // More cells than the header names; the parser resumes at the next row.
                    skip(file, lineOf(e.getLocation()), e.getOriginalMessage());
                    continue;
                }
                long line = lineOf(rows.getParser().currentTokenLocation());
                try {
                    LocalDate date = columns.date(cells);
                    if (window.contains(date)) {
                        DailyBar bar = columns.bar(symbol, date, cells);
                        if (bars.putIfAbsent(date, bar) != null) {
                            LOG.warn("Skipping {} line {}: {} appears again; the first row of that day is kept",
                                    file, line, date);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    skip(file, line, e.getMessage());
                }
            }
        } catch (JsonProcessingException e) {
            throw notCsv(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return bars.values().stream();
    }

    @Override
    public void verify(Symbol symbol) {
        Path file = fileOf(symbol);
        try (MappingIterator<Map<String, String>> rows = open(symbol, file)) {
            Columns.of(rows, file);
        } catch (JsonProcessingException e) {
            throw notCsv(file, e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private Path fileOf(Symbol symbol) {
        Path file = directory.resolve(symbol.value() + ".csv").normalize();
        // Symbols cannot spell ".." or "/" today; this keeps a future, wider alphabet from reading elsewhere.
        if (!directory.equals(file.getParent())) {
            throw new UnknownSymbolException(symbol, NAME);
        }
        return file;
    }

    private static MappingIterator<Map<String, String>> open(Symbol symbol, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UnknownSymbolException(symbol, NAME);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UnknownSymbolException(symbol, NAME);
        }
        try {
            // Handing Jackson the bytes rather than a Reader lets it detect the encoding and drop a byte order mark.
            return ROWS.readValues(in);
        } catch (CsvReadException e) {
            in.close();
            throw new InvalidInputException(file + " has no header line; it must start with "
                    + "Date,Open,High,Low,Close,Adj Close,Volume", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skip(Path file, long line, String reason) {
        LOG.warn("Skipping {} line {}: {}", file, line, reason);
    }

    private static long lineOf(JsonLocation location) {
        return location == null ? -1 : location.getLineNr();
    }

    private static InvalidInputException notCsv(Path file, JsonProcessingException e) {
        return new InvalidInputException(file + " is not valid CSV at line " + lineOf(e.getLocation()) + ": "
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
                    throw new InvalidInputException(file + " names column " + name + " twice");
                }
            }
            return new Columns(required(byName, "Date", file), byName.get("Open"), byName.get("High"),
                    byName.get("Low"), required(byName, "Close", file), byName.get("Adj Close"),
                    byName.get("Volume"));
        }

        private static String required(Map<String, String> byName, String name, Path file) {
            String header = byName.get(name);
            if (header == null) {
                throw new InvalidInputException(file + " has no " + name + " column; its header must name "
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
                throw new IllegalArgumentException("date '" + text + "' is not a YYYY-MM-DD day", e);
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
                throw new IllegalArgumentException(name + " is not a number: it has " + text.length() + " characters");
            }
            try {
                // From the text, never through a double, so "181.9900" stays exactly that, scale included.
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + text + "' is not a number", e);
            }
        }

        private Long shares(Map<String, String> cells) {
            String text = text(cells, volume);
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_NUMBER_CHARS) {
                throw new IllegalArgumentException("Volume is not a whole number: it has " + text.length()
                        + " characters");
            }
            try {
                // Some exports write whole volumes as "123.0"; anything with a real fraction is not a share count.
                // longValueExact refuses an absurd exponent from precision and scale, without writing it out.
                return new BigDecimal(text).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("Volume '" + text + "' is not a whole number", e);
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
