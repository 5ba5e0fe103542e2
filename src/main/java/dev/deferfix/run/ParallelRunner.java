package dev.deferfix.run;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
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
 *
 * <p>A bounded number of tasks per thread are queued ahead of the consumer, and
 * a result is dropped once consumed, so memory holds a bounded number of results
 * (each may hold a whole file) however many inputs there are.
 */
public final class ParallelRunner {
    /** Deeply nested Go needs deep recursion in the parser. */
    private static final long STACK_BYTES = 64L << 20;
    /**
     * Enough queued work that a thread never waits for the consumer, few enough to bound memory.
     * Most files are screened out in microseconds, so while one thread parses the file at the head
     * of the queue the other drains the queue behind it: with 8 per thread it then sat idle, and a
     * standard-library scan took about 10% longer than with 32 or 64.
     */
    static final int TASKS_AHEAD_PER_THREAD = 32;

    private final int jobs;

    public ParallelRunner(int jobs) {
        this.jobs = jobs;
    }

    /**
     * The work for each input and what happens to its result. An interface with a class
     * behind it, not three lambdas: each lambda's first call costs every start-up.
     */
    public interface Work<I, O> {
        /** Runs on a worker thread. */
        O run(I input);

        /** Called from a worker thread after each input (for progress); must be thread-safe. */
        void finished();

        /** Called with each result, in input order, one at a time (maybe on a worker thread). */
        void accept(O result);
    }

    /**
     * @param finished called from worker threads after each task (for progress); must be thread-safe
     */
    public <I, O> void run(List<I> inputs, Function<I, O> task, Runnable finished, Consumer<O> inOrder)
            throws InterruptedException {
        run(inputs, new Work<I, O>() {
            @Override
            public O run(I input) {
                return task.apply(input);
            }

            @Override
            public void finished() {
                finished.run();
            }

            @Override
            public void accept(O result) {
                inOrder.accept(result);
            }
        });
    }

    public <I, O> void run(List<I> inputs, Work<I, O> work) throws InterruptedException {
        int threads = Math.max(1, Math.min(jobs, inputs.size()));
        if (threads == 1) {
            runOnOneThread(inputs, work);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        try {
            Iterator<I> next = inputs.iterator();
            ArrayDeque<Future<O>> pending = new ArrayDeque<>();
            while (next.hasNext() && pending.size() < threads * TASKS_AHEAD_PER_THREAD) {
                pending.add(pool.submit(new Step<>(work, next.next())));
            }
            while (!pending.isEmpty()) {
                O result = resultOf(pending.poll());
                if (next.hasNext()) {
                    pending.add(pool.submit(new Step<>(work, next.next())));
                }
                work.accept(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * With one thread there is nothing to put in order: the inputs run one after another on
     * a single deep-stack thread, each result handed on at once, and no executor is built
     * (loading its classes cost a one-file run more than a millisecond).
     */
    private static <I, O> void runOnOneThread(List<I> inputs, Work<I, O> work) throws InterruptedException {
        Sequence<I, O> sequence = new Sequence<>(inputs, work);
        Thread thread = new Thread(null, sequence, "defer-fix-1", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            throw e;
        }
        sequence.rethrow();
    }

    /** Every input in turn, on one thread; what it threw is thrown again on the caller's. */
    private static final class Sequence<I, O> implements Runnable {
        private final List<I> inputs;
        private final Work<I, O> work;
        private Throwable failure;

        Sequence(List<I> inputs, Work<I, O> work) {
            this.inputs = inputs;
            this.work = work;
        }

        @Override
        public void run() {
            try {
                for (I input : inputs) {
                    O result = work.run(input);
                    work.finished();
                    work.accept(result);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        void rethrow() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    /** One input's run on a worker thread. */
    private static final class Step<I, O> implements Callable<O> {
        private final Work<I, O> work;
        private final I input;

        Step(Work<I, O> work, I input) {
            this.work = work;
            this.input = input;
        }

        @Override
        public O call() {
            O result = work.run(input);
            work.finished();
            return result;
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

    /** Daemon threads with a deep stack, numbered. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(null, work, "defer-fix-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        }
    }
}
