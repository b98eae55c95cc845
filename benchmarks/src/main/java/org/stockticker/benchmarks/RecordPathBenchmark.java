package org.stockticker.benchmarks;

import feign.Request;
import feign.Response;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.stockticker.adapters.airbyte.output.AirbyteMessageWriter;
import org.stockticker.adapters.iex.IexChartAnswers;
import org.stockticker.adapters.iex.IexPriceProvider;
import org.stockticker.domain.DailyBar;
import org.stockticker.domain.DateWindow;
import org.stockticker.domain.StockPrices;
import org.stockticker.domain.Symbol;

/**
 * The per-record path of a sync, in records per second: an IEX chart answer read into {@link DailyBar}s, those
 * bars written as RECORD lines, and both in one go. The answer is {@value #BARS} bars with every field IEX sends,
 * prices with three and four decimals, as {@code bench/stub.py} serves them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RecordPathBenchmark {

    static final int BARS = 5_000;

    private static final Symbol SYMBOL = new Symbol("BENCH");
    private static final Request REQUEST = Request.create(Request.HttpMethod.GET,
            "http://127.0.0.1/stock/BENCH/chart/max", new HashMap<>(), null, StandardCharsets.UTF_8, null);

    private byte[] body;
    private DateWindow window;
    private List<DailyBar> bars;
    private IexChartAnswers reader;
    private AirbyteMessageWriter writer;

    @Setup
    public void setUp() {
        LocalDate first = LocalDate.of(2006, 1, 2);
        body = render(first).getBytes(StandardCharsets.UTF_8);
        window = new DateWindow(first, first.plusYears(30));
        reader = new IexChartAnswers();
        try (Stream<DailyBar> read = reader.bars(response(), SYMBOL, window)) {
            bars = read.toList();
        }
        if (bars.size() != BARS) {
            throw new IllegalStateException("the body holds " + bars.size() + " bars, not " + BARS);
        }
        writer = new AirbyteMessageWriter(new PrintStream(OutputStream.nullOutputStream(), false,
                StandardCharsets.UTF_8), Clock.systemUTC());
    }

    /** An IEX answer read into bars. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public void readBars(Blackhole sink) {
        try (Stream<DailyBar> read = reader.bars(response(), SYMBOL, window)) {
            read.forEach(sink::consume);
        }
    }

    /** Bars written as RECORD lines. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public void writeRecords() {
        for (DailyBar bar : bars) {
            writer.record(StockPrices.STREAM, bar, IexPriceProvider.NAME);
        }
    }

    /** An IEX answer read and written as RECORD lines: the whole per-record path. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public void readAndWrite() {
        try (Stream<DailyBar> read = reader.bars(response(), SYMBOL, window)) {
            read.forEach(bar -> writer.record(StockPrices.STREAM, bar, IexPriceProvider.NAME));
        }
    }

    private Response response() {
        return Response.builder().status(200).request(REQUEST).headers(new HashMap<>()).body(body).build();
    }

    /** {@value #BARS} weekdays from {@code first}, each bar as IEX sends it. */
    private static String render(LocalDate first) {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("[");
        LocalDate day = first;
        double price = 100;
        for (int i = 0; i < BARS; i++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            double open = price * (1 + (random.nextDouble() - 0.5) / 50);
            double close = price * (1 + (random.nextDouble() - 0.5) / 25);
            double high = Math.max(open, close) * (1 + random.nextDouble() / 100);
            double low = Math.min(open, close) * (1 - random.nextDouble() / 100);
            long volume = 100_000 + random.nextInt(90_000_000);
            String o = decimal(open, 3);
            String h = decimal(high, 3);
            String l = decimal(low, 3);
            String c = decimal(close, 3);
            if (i > 0) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "{\"date\":\"%s\",\"open\":%s,\"high\":%s,\"low\":%s,\"close\":%s,"
                    + "\"volume\":%d,\"uOpen\":%s,\"uHigh\":%s,\"uLow\":%s,\"uClose\":%s,\"uVolume\":%d,"
                    + "\"fOpen\":%s,\"fHigh\":%s,\"fLow\":%s,\"fClose\":%s,\"fVolume\":%d,\"change\":%s,"
                    + "\"changePercent\":%s,\"label\":\"%s\",\"changeOverTime\":%s,\"symbol\":\"BENCH\","
                    + "\"id\":\"HISTORICAL_PRICES\",\"key\":\"BENCH\",\"subkey\":\"\",\"updated\":%d}",
                    day, o, h, l, c, volume, o, h, l, c, volume, decimal(open * 0.97, 4), decimal(high * 0.97, 4),
                    decimal(low * 0.97, 4), decimal(close * 0.97, 4), volume, decimal(close - price, 3),
                    decimal((close - price) / price * 100, 3), day.format(DateTimeFormatter.ofPattern("MMM d",
                            Locale.ROOT)), decimal(random.nextDouble() * 2 - 1, 6),
                    day.toEpochDay() * 86_400_000L + 75_600_000L));
            price = Math.max(close, 1);
            day = day.plusDays(1);
        }
        return json.append(']').toString();
    }

    private static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
