package org.stockticker.adapters.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.stockticker.application.port.out.BrokenAnswerException;
import org.stockticker.domain.Symbol;

/**
 * A provider's JSON answer read as it arrives: opened and checked for the JSON it must start with, then, for an
 * array, read one element at a time while the caller consumes them, and closed with the connection.
 *
 * <p>Each element is read by the caller straight from the parser ({@link #elements(ElementReader)}), and one
 * malformed element is the caller's to skip instead of ending the whole answer. Parser messages may quote the answer itself, so failures only say what kind they are.
 */
public final class JsonAnswer implements AutoCloseable {

    private final Response response;
    private final JsonParser parser;
    private final String provider;
    private final String subject;

    private JsonAnswer(Response response, JsonParser parser, String provider, String subject) {
        this.response = response;
        this.parser = parser;
        this.provider = provider;
        this.subject = subject;
    }

    /**
     * Opens {@code response}, which must start with {@code expected} ({@code "a list of bars"} describes it in
     * messages); otherwise closes it and throws {@link BrokenAnswerException}.
     */
    public static JsonAnswer open(ObjectMapper mapper, Response response, String provider, Symbol symbol,
            JsonToken expected, String expectedAnswer) {
        return open(mapper, response, provider, symbol.value(), expected, expectedAnswer);
    }

    /**
     * Opens {@code response}, an answer about {@code subject} (what was asked for, as messages name it: a symbol, or
     * something else a provider answers in one go), which must start with {@code expected}; otherwise closes it and
     * throws {@link BrokenAnswerException}.
     */
    public static JsonAnswer open(ObjectMapper mapper, Response response, String provider, String subject,
            JsonToken expected, String expectedAnswer) {
        if (response.body() == null) {
            response.close();
            throw notJson(provider, subject);
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(response.body().asInputStream());
            JsonAnswer answer = new JsonAnswer(response, parser, provider, subject);
            JsonToken first = parser.nextToken();
            if (first != expected) {
                answer.close();
                throw first == null ? notJson(provider, subject) : new BrokenAnswerException("provider " + provider
                        + " answered JSON other than " + expectedAnswer + " for " + subject);
            }
            return answer;
        } catch (JsonProcessingException e) {
            closeQuietly(parser, response);
            throw notJson(provider, subject);
        } catch (IOException e) {
            closeQuietly(parser, response);
            throw brokenOff(provider, subject);
        }
    }

    /**
     * The elements of the array this answer opened with, each read by {@code read} straight from the parser, with
     * no tree in between (empty to skip it), read lazily; closing the stream closes the answer.
     */
    public <T> Stream<T> elements(ElementReader<T> read) {
        return StreamSupport.stream(new Elements<>(read), false).onClose(this::close);
    }

    /**
     * The parser, on the answer's first token, for an answer that is an object read field by field (a page whose
     * fields may come in any order, say); reading it is the caller's, closing it this answer's.
     */
    public JsonParser parser() {
        return parser;
    }

    @Override
    public void close() {
        closeQuietly(parser, response);
    }

    /** The answer was not JSON at all, such as an HTML error page sent with status 200. */
    public static BrokenAnswerException notJson(String provider, Symbol symbol) {
        return notJson(provider, symbol.value());
    }

    /** The answer about {@code subject} was not JSON at all. */
    public static BrokenAnswerException notJson(String provider, String subject) {
        return new BrokenAnswerException("provider " + provider + " answered something other than JSON for "
                + subject);
    }

    /** The answer began as JSON, then broke off, stalled or turned into garbage. */
    public static BrokenAnswerException brokenOff(String provider, Symbol symbol) {
        return brokenOff(provider, symbol.value());
    }

    /** The answer about {@code subject} began as JSON, then broke off, stalled or turned into garbage. */
    public static BrokenAnswerException brokenOff(String provider, String subject) {
        return new BrokenAnswerException("provider " + provider + " broke off or garbled its answer for " + subject);
    }

    /** The field a mapping failure is about, as a warning names it, without quoting the value. */
    public static String field(Exception failure) {
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            return "field " + mapping.getPath().get(0).getFieldName();
        }
        return "a field";
    }

    /**
     * Reads one array element into a value, straight from the parser.
     *
     * @param <T> what an element becomes
     */
    @FunctionalInterface
    public interface ElementReader<T> {

        /**
         * The value of the element whose first token is the parser's current one, or empty to skip it. Returns with
         * the parser on the element's last token, having read all of it.
         */
        Optional<T> read(JsonParser parser) throws IOException;
    }

    /** Moves to the next element of the array: true on its first token, false at the array's end. */
    private boolean nextElement() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw brokenOff(provider, subject);
            }
            return token != JsonToken.END_ARRAY;
        } catch (IOException e) {
            throw brokenOff(provider, subject);
        }
    }

    private static void closeQuietly(JsonParser parser, Response response) {
        try (response) {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // Only the connection is released here; whatever was read has been handed over already.
        }
    }

    /** The mapped elements, read from the parser only as far as the consumer asks. */
    private final class Elements<T> extends Spliterators.AbstractSpliterator<T> {

        private final ElementReader<T> read;
        // Streams may ask again after the end; the parser must not be read past its array.
        private boolean exhausted;

        Elements(ElementReader<T> read) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.read = read;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (!exhausted) {
                if (!nextElement()) {
                    exhausted = true;
                    break;
                }
                Optional<T> value = readElement();
                if (value.isPresent()) {
                    action.accept(value.get());
                    return true;
                }
            }
            return false;
        }

        private Optional<T> readElement() {
            try {
                return read.read(parser);
            } catch (IOException e) {
                throw brokenOff(provider, subject);
            }
        }
    }
}
