package dev.deferfix.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per input on a fixed number of threads and hands the results
 * to the consumer in input order, whatever order they finish in, so the output
 * is the same for any number of jobs.
 */
public final class ParallelRunner {
    /** Deeply nested Go needs deep recursion in the parser. */
    private static final long STACK_BYTES = 64L << 20;

    private final int jobs;

    public ParallelRunner(int jobs) {
        this.jobs = jobs;
    }

    /**
     * @param finished called from worker threads after each task (for progress); must be thread-safe
     */
    public <I, O> void run(List<I> inputs, Function<I, O> task, Runnable finished, Consumer<O> inOrder)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, inputs.size())),
                workerThreads());
        try {
            List<Future<O>> futures = new ArrayList<>(inputs.size());
            for (I input : inputs) {
                futures.add(pool.submit(() -> {
                    O result = task.apply(input);
                    finished.run();
                    return result;
                }));
            }
            for (Future<O> future : futures) {
                inOrder.accept(resultOf(future));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <O> O resultOf(Future<O> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(null, work, "defer-fix-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
