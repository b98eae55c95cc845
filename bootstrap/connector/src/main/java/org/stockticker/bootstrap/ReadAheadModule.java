package org.stockticker.bootstrap;

import dagger.Module;
import dagger.Provides;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;

/** The threads that read partitions ahead of the one being written. */
@Module
interface ReadAheadModule {

    /**
     * Partitions read at once, ahead of the one being written: two reading threads and the writing one keep two cores
     * busy; more only contend for them (see BENCHMARKS.md).
     */
    int THREADS = 2;

    /** Daemon threads, so that an abandoned read never keeps the process alive. */
    @Provides
    @Singleton
    @Named("read-ahead")
    static Executor readAhead() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "read-ahead-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
