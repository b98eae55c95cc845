package org.stockticker.adapters.airbyte.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of whole lines on their way out: a message is assembled here and reaches the stream only once its line
 * is complete, in one write of whole lines, so that the stream never holds half a message, whatever happens to the
 * process. Lines wait until {@value #DRAIN_AT} bytes gather, or until {@link #drain} is asked for.
 *
 * <p>Not thread-safe: the writer holds its lock around every use.
 */
final class LineOutput {

    /** Enough lines at a time that writing costs nothing per record. */
    static final int DRAIN_AT = 1 << 16;

    private final OutputStream out;
    private byte[] bytes = new byte[DRAIN_AT + (DRAIN_AT >> 2)];
    private int size;
    private boolean broken;
    private boolean closed;

    private final Assembly assembly = new Assembly();

    LineOutput(OutputStream out) {
        this.out = out;
    }

    OutputStream assembly() {
        return assembly;
    }

    /** Adds the bytes of a whole message, before its line's end. */
    void append(byte[] message) {
        assembly.write(message, 0, message.length);
    }

    /** Where the next message starts: what {@link #discardFrom} goes back to when the message cannot be finished. */
    int mark() {
        return size;
    }

    /** Drops the unfinished message begun at {@code mark}. */
    void discardFrom(int mark) {
        size = mark;
    }

    /** Ends the message's line; writes the lines out when enough have gathered or {@code now}. */
    void endLine(boolean now) {
        assembly.write('\n');
        if (now || size >= DRAIN_AT) {
            drain();
        }
    }

    /** Writes every complete line out and flushes the stream. */
    void drain() {
        if (broken) {
            throw new OutputClosedException(new IOException("an earlier write failed"));
        }
        if (closed || size == 0) {
            size = closed ? 0 : size;
            return;
        }
        try {
            out.write(bytes, 0, size);
            out.flush();
        } catch (IOException e) {
            broken = true;
            throw new OutputClosedException(e);
        } finally {
            size = 0;
        }
    }

    /** Writes what is complete, then takes no more: later lines are dropped, as the process is ending. */
    void close() {
        if (!broken) {
            drain();
        }
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** The view a generator writes a message's bytes into, after the lines before it. */
    private final class Assembly extends OutputStream {

        @Override
        public void write(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            room(length);
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }
    }
}
