package org.stockticker.adapters.http;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.stockticker.application.port.out.BrokenAnswerException;

/**
 * Bounds the time a whole answer may take, from sending the request to the last byte of its body.
 *
 * <p>The read timeout bounds each read alone, so a provider trickling one byte every few seconds would hold a read
 * for ever. Every body this client returns is checked against the deadline on each read, and a read past it ends
 * the answer with a {@link BrokenAnswerException}, which the application answers by reading the symbol again. A
 * request that fails before its answer starts fails with a message naming the path, never the query, which holds
 * the key for some providers.
 */
final class AnswerDeadline implements Client {

    private final Client delegate;
    private final String provider;
    private final Duration deadline;

    AnswerDeadline(Client delegate, String provider, Duration deadline) {
        this.delegate = delegate;
        this.provider = provider;
        this.deadline = deadline;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        Response response;
        try {
            response = delegate.execute(request, options);
        } catch (IOException e) {
            // Feign would wrap this in a RetryableException whose message holds the whole URL, the key in its query
            // included, for any log that prints it (Resilience4j's, at DEBUG): this one names the path alone, and so
            // does its cause.
            String path = ResilientFeign.path(request);
            IOException cause = withoutQuery(e, request);
            throw new RetryableException(-1, cause.getMessage() + " executing " + request.httpMethod() + " " + path,
                    request.httpMethod(), cause, (Long) null, request);
        }
        if (response.body() == null) {
            return response;
        }
        InputStream body = new Bounded(response.body().asInputStream(), end);
        return response.toBuilder().body(body, response.body().length()).build();
    }

    /**
     * {@code failure}, or where its message names the request's URL or query, a failure of the same kind whose message
     * names the path instead, with {@code failure}'s stack trace and without its causes.
     */
    static IOException withoutQuery(IOException failure, Request request) {
        String message = failure.getMessage();
        String query = URI.create(request.url()).getRawQuery();
        if (message == null || query == null || !message.contains(query)) {
            return failure;
        }
        String path = ResilientFeign.path(request);
        String safe = message.replace(request.url(), path).replace(query, "...");
        IOException copy;
        try {
            copy = failure.getClass().getConstructor(String.class).newInstance(safe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            copy = new IOException(safe);
        }
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The body, refusing to be read once the deadline has passed. */
    private final class Bounded extends FilterInputStream {

        private final long end;

        Bounded(InputStream body, long end) {
            super(body);
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            requireInTime();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            requireInTime();
            return super.read(buffer, offset, length);
        }

        @Override
        public long skip(long count) throws IOException {
            requireInTime();
            return super.skip(count);
        }

        private void requireInTime() {
            if (System.nanoTime() - end > 0) {
                throw new BrokenAnswerException("provider " + provider + " did not finish its answer within "
                        + ResilientFeign.span(deadline) + "; it was sending too slowly");
            }
        }
    }
}
