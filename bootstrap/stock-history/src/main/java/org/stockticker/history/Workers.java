package org.stockticker.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The threads of one {@link StockHistory}: calls run on them as futures that a cancellation, a timeout of the
 * caller's or {@link #close()} really stops (a call waiting for a thread never starts; a running one is interrupted,
 * which ends a wait for the request budget), and a call made on one of them runs there at once rather than waiting
 * for a thread its caller holds.
 */
final class Workers {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ExecutorService threads;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    Workers(int count) {
        String prefix = "stock-history-" + INSTANCES.incrementAndGet() + "-";
        AtomicInteger created = new AtomicInteger();
        threads = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Worker(this, runnable, prefix + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A thread of these workers. */
    private static final class Worker extends Thread {

        private final Workers owner;

        Worker(Workers owner, Runnable work, String name) {
            super(work, name);
            this.owner = owner;
        }
    }

    /** {@code call} on one of these threads; on the current one when it is one of them. */
    <T> CompletableFuture<T> later(Supplier<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (Thread.currentThread() instanceof Worker worker && worker.owner == this) {
            run(call, future);
            return future;
        }
        AtomicReference<Thread> runner = new AtomicReference<>();
        pending.add(future);
        future.whenComplete((value, failure) -> {
            pending.remove(future);
            Thread running = runner.get();
            if (future.isCancelled() && running != null) {
                running.interrupt();
            }
        });
        try {
            threads.execute(() -> {
                runner.set(Thread.currentThread());
                try {
                    if (!future.isDone()) {
                        run(call, future);
                    }
                } finally {
                    runner.set(null);
                    Thread.interrupted();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(future);
            throw new IllegalStateException("this StockHistory is closed", e);
        }
        return future;
    }

    private static <T> void run(Supplier<T> call, CompletableFuture<T> future) {
        try {
            future.complete(call.get());
        } catch (RuntimeException | Error failure) {
            future.completeExceptionally(failure);
        }
    }

    /**
     * {@code read} of each of {@code keys} at once, by key in their order. The first failure cancels the reads not yet
     * done, and the result fails with the failure of the first key, in their order, that failed; cancelling the result
     * (or its timing out) cancels the reads.
     */
    <K, T> CompletableFuture<Map<K, T>> each(List<K> keys, Function<K, T> read) {
        Map<K, CompletableFuture<T>> reads = new LinkedHashMap<>();
        keys.forEach(key -> reads.put(key, later(() -> read.apply(key))));
        List<CompletableFuture<T>> all = new ArrayList<>(reads.values());
        all.forEach(future -> future.whenComplete((value, failure) -> {
            if (failure != null && !(failure instanceof CancellationException)) {
                all.forEach(other -> other.cancel(true));
            }
        }));
        CompletableFuture<Map<K, T>> result = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .handle((done, failure) -> collect(reads));
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                all.forEach(future -> future.cancel(true));
            }
        });
        return result;
    }

    private static <K, T> Map<K, T> collect(Map<K, CompletableFuture<T>> reads) {
        RuntimeException cancelled = null;
        Map<K, T> results = new LinkedHashMap<>();
        for (Map.Entry<K, CompletableFuture<T>> read : reads.entrySet()) {
            try {
                results.put(read.getKey(), read.getValue().join());
            } catch (CancellationException e) {
                cancelled = cancelled == null ? e : cancelled;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        if (cancelled != null) {
            throw cancelled;
        }
        return Collections.unmodifiableMap(results);
    }

    /** The calls on these threads not yet completed. */
    int underWay() {
        return pending.size();
    }

    /** Ends the threads, and cancels every call on them not yet completed. */
    void close() {
        threads.shutdownNow();
        pending.forEach(future -> future.cancel(true));
    }
}
