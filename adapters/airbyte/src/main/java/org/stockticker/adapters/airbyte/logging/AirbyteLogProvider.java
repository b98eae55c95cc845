package org.stockticker.adapters.airbyte.logging;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;
import org.stockticker.application.port.out.ReadReportPort;
import org.stockticker.application.port.out.ReadReportPort.LogLevel;

/**
 * Routes SLF4J logging to Airbyte LOG messages, so that every line on stdout stays a protocol message.
 *
 * <p>It is not registered as a service on purpose: a JVM service using the library keeps its own logging. The
 * connector's main selects it with the {@code slf4j.provider} system property, then {@link #routeTo} a sink.
 * The connector's own classes log from INFO up, libraries from WARN up; until a sink is set, lines go to the
 * stream {@link #beforeRoutingTo} names.
 */
public final class AirbyteLogProvider implements SLF4JServiceProvider {

    private static volatile ReadReportPort sink;
    private static volatile PrintStream fallback = new PrintStream(OutputStream.nullOutputStream());

    private final ILoggerFactory loggers = new Loggers();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Where log lines go until a sink is set: nowhere, unless the process's main names a stream. */
    public static void beforeRoutingTo(PrintStream stream) {
        fallback = stream;
    }

    /** Sends every log line from now on to {@code target}. */
    public static void routeTo(ReadReportPort target) {
        sink = target;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are made on demand.
    }

    private static final class Loggers implements ILoggerFactory {

        private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, RoutedLogger::new);
        }
    }

    private static final class RoutedLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        private final Level threshold;

        RoutedLogger(String name) {
            this.name = name;
            this.threshold = name.startsWith("org.stockticker.") ? Level.INFO : Level.WARN;
        }

        private boolean enabled(Level level) {
            return level.toInt() >= threshold.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (throwable != null) {
                message = message + " (" + throwable + ")";
            }
            ReadReportPort target = sink;
            if (target != null) {
                target.log(levelOf(level), message);
            } else {
                fallback.println(level + " " + name + " - " + message);
            }
        }

        private static LogLevel levelOf(Level level) {
            return switch (level) {
                case ERROR -> LogLevel.ERROR;
                case WARN -> LogLevel.WARN;
                case INFO -> LogLevel.INFO;
                case DEBUG, TRACE -> LogLevel.DEBUG;
            };
        }
    }
}
