package org.stockticker.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * An answer body whose every read waits at most the read timeout for more bytes. The HTTP client bounds the wait
 * for an answer to start, not for the rest of it: a provider that sends half a body and falls silent would hold a
 * read forever. A daemon thread copies the body in chunks; the reader gives up when no chunk arrives in time.
 */
final class IdleTimeoutInputStream extends InputStream {

    private static final int CHUNK = 16 * 1024;
    private static final Object END = new Object();
    private static final ThreadFactory THREADS = runnable -> {
        Thread thread = new Thread(runnable, "http-body-reader");
        thread.setDaemon(true);
        return thread;
    };

    private final InputStream body;
    private final long timeoutNanos;
    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
    private final Thread copier;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;
    private volatile boolean closed;

    IdleTimeoutInputStream(InputStream body, Duration timeout) {
        this.body = body;
        this.timeoutNanos = timeout.toNanos();
        this.copier = THREADS.newThread(this::copy);
        copier.start();
    }

    private void copy() {
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n = body.read(buffer); n >= 0 && !closed; n = body.read(buffer)) {
                if (n > 0) {
                    chunks.put(Arrays.copyOf(buffer, n));
                }
            }
            chunks.put(END);
        } catch (IOException e) {
            offerQuietly(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offerQuietly(IOException failure) {
        try {
            chunks.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !next()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object chunk;
        try {
            chunk = chunks.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer");
        }
        if (chunk == null) {
            close();
            throw new SocketTimeoutException("the answer stalled: no data for "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
        if (chunk == END) {
            ended = true;
            return false;
        }
        if (chunk instanceof IOException failure) {
            ended = true;
            throw failure;
        }
        current = (byte[]) chunk;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        copier.interrupt();
        chunks.clear();
        body.close();
    }
}
