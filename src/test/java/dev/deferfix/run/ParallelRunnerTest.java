package dev.deferfix.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelRunnerTest {

    @Test
    void resultsComeInInputOrderWhateverOrderTheyFinishIn() throws InterruptedException {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        new ParallelRunner(4).run(inputs, i -> {
            sleepMillis((7 * i) % 5); // later inputs often finish first
            return i * i;
        }, () -> { }, seen::add);
        assertEquals(inputs.stream().map(i -> i * i).toList(), seen);
    }

    @Test
    void onlyAFewTasksPerThreadRunAheadOfTheConsumer() throws InterruptedException {
        int jobs = 2;
        AtomicInteger started = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        new ParallelRunner(jobs).run(IntStream.range(0, 500).boxed().toList(), i -> {
            mostAhead.accumulateAndGet(started.incrementAndGet() - consumed.get(), Math::max);
            return i;
        }, () -> { }, i -> {
            if (i == 0) {
                sleepMillis(200); // a slow consumer: the workers could run through everything meanwhile
            }
            consumed.incrementAndGet();
        });
        assertEquals(500, consumed.get());
        // the queue, plus the result being handed over (its successor is queued first)
        assertTrue(mostAhead.get() <= jobs * ParallelRunner.TASKS_AHEAD_PER_THREAD + 1,
                "tasks started before their results were consumed: " + mostAhead.get());
    }

    @Test
    void oneJobRunsTheInputsInTurnOnOneDeepStackThread() throws InterruptedException {
        List<Integer> inputs = IntStream.range(0, 50).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        new ParallelRunner(1).run(inputs, i -> {
            threads.add(Thread.currentThread());
            return depth(20_000 + i); // as deep as the parser goes on a deeply nested file
        }, () -> { }, result -> {
            threads.add(Thread.currentThread());
            seen.add(result);
        });
        assertEquals(inputs.stream().map(i -> 20_000 + i).toList(), seen);
        assertEquals(1, threads.size(), "one thread for the tasks and the results");
        assertFalse(threads.contains(Thread.currentThread()), "not the caller's, whose stack is smaller");
    }

    @Test
    void aFailingTaskFailsTheRunOnTheCallersThread() {
        for (int jobs : new int[] {1, 3}) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> new ParallelRunner(jobs).run(IntStream.range(0, 10).boxed().toList(), i -> {
                        if (i == 4) {
                            throw new IllegalStateException("input 4");
                        }
                        return i;
                    }, () -> { }, i -> { }));
            assertEquals("input 4", failure.getMessage());
        }
    }

    private static int depth(int levels) {
        return levels == 0 ? 0 : 1 + depth(levels - 1);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
