package dev.deferfix.robust;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one input's work on a worker thread with a chosen stack size and a
 * time bound. The bound is a hang detector (an input that never finishes),
 * not a performance assertion: it is set far above any honest run. A worker
 * that hangs is abandoned (daemon thread) and a fresh one serves later inputs.
 */
final class BoundedRunner implements AutoCloseable {
    /** How an input ended: normally, by throwing, or not within the bound. */
    sealed interface Outcome<T> {
    }

    record Done<T>(T value) implements Outcome<T> {
    }

    record Threw<T>(Throwable error) implements Outcome<T> {
    }

    record Hung<T>(long seconds) implements Outcome<T> {
    }

    private final long stackBytes;
    private final long timeoutSeconds;
    private ExecutorService worker;

    BoundedRunner(long stackBytes, long timeoutSeconds) {
        this.stackBytes = stackBytes;
        this.timeoutSeconds = timeoutSeconds;
        this.worker = newWorker();
    }

    <T> Outcome<T> run(Callable<T> task) {
        Future<T> future = worker.submit(task);
        try {
            return new Done<>(future.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return new Threw<>(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return new Hung<>(timeoutSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Threw<>(e);
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(job -> {
            Thread thread = new Thread(null, job, "bounded-worker", stackBytes);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
