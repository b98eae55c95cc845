package org.stockticker.adapters.alphavantage;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.stockticker.adapters.json.ExactJson;
import org.stockticker.application.port.out.BrokenAnswerException;

/**
 * Reads Alpha Vantage's answers: JSON as every provider's ({@link ExactJson}), and the CSV of {@code LISTING_STATUS}
 * as {@link AlphaVantageListingAnswer}.
 *
 * <p>Alpha Vantage sends its explanations as JSON whatever format was asked for, so a listing answer that starts
 * with <code>{</code> is read as an {@link AlphaVantageAnswer}: a rate limit is thrown from there, as for any other
 * function (a limit of the pace to the retry layer, the daily limit to the request budget), and any other
 * explanation is handed on. The CSV is read whole, up to
 * {@value #MAX_LISTING_BYTES} bytes (the whole US market is a few megabytes), while the call's answer deadline runs.
 */
final class AlphaVantageDecoder implements Decoder {

    /** Far more than Alpha Vantage's listings of every active or delisted US symbol. */
    static final int MAX_LISTING_BYTES = 64 * 1024 * 1024;

    private final ObjectMapper mapper = ExactJson.mapper();
    private final Decoder json = new JacksonDecoder(mapper);

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type != AlphaVantageListingAnswer.class) {
            return json.decode(response, type);
        }
        if (response.body() == null) {
            return null;
        }
        byte[] body;
        try (InputStream in = response.body().asInputStream()) {
            body = readBounded(in);
        }
        if (body.length == 0) {
            return null;
        }
        int start = hasByteOrderMark(body) ? 3 : 0;
        int first = start;
        while (first < body.length - 1 && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '{') {
            return AlphaVantageListingAnswer.explained(mapper.readValue(body, AlphaVantageAnswer.class));
        }
        return AlphaVantageListingAnswer.listings(new String(body, start, body.length - start, StandardCharsets.UTF_8));
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + read > MAX_LISTING_BYTES) {
                throw new BrokenAnswerException("provider " + AlphaVantagePriceProvider.NAME
                        + " sent listings of more than " + MAX_LISTING_BYTES / (1024 * 1024) + " MiB");
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    private static boolean hasByteOrderMark(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
    }
}
