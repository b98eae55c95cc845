package org.stockticker.adapters.airbyte.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.stockticker.adapters.airbyte.protocol.AirbyteMessage;
import org.stockticker.adapters.airbyte.protocol.AirbyteRecordMessage;
import org.stockticker.domain.StreamDefinition;
import org.stockticker.domain.StreamField;

/**
 * Writes RECORD messages field by field with a streaming generator, the same line the protocol classes would give,
 * without building a message object or a string per record: the data's fields in the order of the stream's
 * definition, null values as null, decimals as plain text with exactly their digits and scale.
 *
 * <p>Not thread-safe: the writer holds its lock around every use.
 */
final class RecordEncoder {

    private static final int MAX_LONG_DIGITS = 18;

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString RECORD = new SerializedString("RECORD");
    private static final SerializableString RECORD_FIELD = new SerializedString("record");
    private static final SerializableString STREAM = new SerializedString("stream");
    private static final SerializableString DATA = new SerializedString("data");
    private static final SerializableString EMITTED_AT = new SerializedString("emitted_at");

    private final char[] dateText = "0000-00-00".toCharArray();
    private final char[] numberText = new char[MAX_LONG_DIGITS + 3];
    private RecordFields<?> lastFields;

    /**
     * Writes {@code {"type":"RECORD","record":{"stream":..,"data":{..},"emitted_at":..}}}, the fields in the order of
     * {@link AirbyteMessage} and {@link AirbyteRecordMessage}, without the line's end.
     */
    <R> void encode(JsonGenerator json, StreamDefinition<R> stream, R record, String provider, long emittedAt)
            throws IOException {
        json.writeStartObject();
        json.writeFieldName(TYPE);
        json.writeString(RECORD);
        json.writeFieldName(RECORD_FIELD);
        json.writeStartObject();
        json.writeFieldName(STREAM);
        json.writeString(stream.name());
        json.writeFieldName(DATA);
        json.writeStartObject();
        RecordFields<R> fields = fieldsOf(stream);
        for (int i = 0; i < fields.names.length; i++) {
            StreamField<R> field = fields.fields.get(i);
            json.writeFieldName(fields.names[i]);
            value(json, field, field.valueOf(record, provider));
        }
        json.writeEndObject();
        json.writeFieldName(EMITTED_AT);
        json.writeNumber(emittedAt);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The fields of {@code stream}, with their names ready to write; the last stream's are kept at hand. */
    @SuppressWarnings("unchecked")
    private <R> RecordFields<R> fieldsOf(StreamDefinition<R> stream) {
        if (lastFields == null || lastFields.stream != stream) {
            lastFields = new RecordFields<>(stream);
        }
        return (RecordFields<R>) lastFields;
    }

    private void value(JsonGenerator json, StreamField<?> field, Object value) throws IOException {
        if (value == null) {
            if (!field.nullable()) {
                throw new IllegalStateException("field " + field.name() + " has no value, and may not be null");
            }
            json.writeNull();
            return;
        }
        switch (field.type()) {
            case STRING -> json.writeString(value instanceof String text ? text : value.toString());
            case DATE -> writeDate(json, (LocalDate) value);
            case NUMBER -> decimal(json, (BigDecimal) value);
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    json.writeNumber(big);
                } else {
                    json.writeNumber(((Number) value).longValue());
                }
            }
            case BOOLEAN -> json.writeBoolean((Boolean) value);
        }
    }

    /**
     * A decimal as plain text, exactly its digits and scale, as {@link BigDecimal#toPlainString} gives it (and
     * {@code WRITE_BIGDECIMAL_AS_PLAIN} writes it): for the usual prices, of up to 18 digits, written from the
     * unscaled value into a buffer rather than through a string.
     */
    private void decimal(JsonGenerator json, BigDecimal value) throws IOException {
        if (value.scale() >= 0 && value.scale() <= MAX_LONG_DIGITS && value.precision() <= MAX_LONG_DIGITS) {
            int start = plain(numberText, value.movePointRight(value.scale()).longValue(), value.scale());
            json.writeNumber(numberText, start, numberText.length - start);
        } else {
            json.writeNumber(value.toPlainString());
        }
    }

    /**
     * Writes {@code unscaled × 10^-scale} as plain decimal text at the end of {@code text}, the decimal point
     * {@code scale} digits from the right and zeros before it where needed; returns where the text starts.
     */
    static int plain(char[] text, long unscaled, int scale) {
        long rest = Math.abs(unscaled);
        int at = text.length;
        int digits = 0;
        do {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
            if (++digits == scale) {
                text[--at] = '.';
            }
        } while (rest > 0 || digits <= scale);
        if (unscaled < 0) {
            text[--at] = '-';
        }
        return at;
    }

    /** {@code date.toString()}, without building a string for the common four-digit years. */
    private void writeDate(JsonGenerator json, LocalDate date) throws IOException {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            json.writeString(date.toString());
            return;
        }
        char[] text = dateText;
        digits(text, 0, year, 4);
        digits(text, 5, date.getMonthValue(), 2);
        digits(text, 8, date.getDayOfMonth(), 2);
        json.writeString(text, 0, text.length);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A stream's fields and their names as the generator writes them, made once per stream. */
    private static final class RecordFields<R> {

        private final StreamDefinition<R> stream;
        private final List<StreamField<R>> fields;
        private final SerializableString[] names;

        RecordFields(StreamDefinition<R> stream) {
            this.stream = stream;
            this.fields = stream.fields();
            this.names = fields.stream().map(field -> new SerializedString(field.name()))
                    .toArray(SerializableString[]::new);
        }
    }
}
