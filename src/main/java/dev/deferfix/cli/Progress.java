package dev.deferfix.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress bar on stderr for runs that last longer than about a second,
 * only when stderr is a terminal. Redrawn by a daemon thread; erased before
 * other stderr output and at the end.
 */
final class Progress implements AutoCloseable {
    private static final long DELAY_MILLIS = 1000;
    private static final long REDRAW_MILLIS = 100;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final Thread painter;
    private boolean shown;

    private Progress(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.painter = enabled ? new Thread(this::paintLoop, "defer-fix-progress") : null;
        if (painter != null) {
            painter.setDaemon(true);
            painter.start();
        }
    }

    static Progress start(PrintStream err, int total, boolean terminal) {
        return new Progress(err, total, terminal && total > 1);
    }

    void fileDone() {
        done.incrementAndGet();
    }

    private void paintLoop() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                paint();
                Thread.sleep(REDRAW_MILLIS);
            }
        } catch (InterruptedException finished) {
            // close() stops the painter.
        }
    }

    private synchronized void paint() {
        int count = done.get();
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * count / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + count + "/" + total + " files");
        err.flush();
        shown = true;
    }

    /** Erases the bar so a message can be printed on a clean line; it is redrawn at the next tick. */
    synchronized void erase() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }

    @Override
    public void close() {
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        erase();
    }
}
