package dev.messagefeedback.adapter.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aLoneRequestIsWrittenAtOnceAsABatchOfOne() throws Exception {
        List<Integer> batchSizes = new ArrayList<>();
        GroupCommit<Integer, Integer> group = new GroupCommit<>(requests -> {
            batchSizes.add(requests.size());
            return requests.stream().map(r -> r * 10).toList();
        }, Runnable::run, 2, 8);

        assertEquals(70, group.submit(7).get());
        assertEquals(80, group.submit(8).get());
        assertEquals(List.of(1, 1), batchSizes);
    }

    @Test
    void concurrentRequestsShareWritesEachGetsItsOwnResultAndWritesNeverExceedTheLimit() throws Exception {
        int requests = 200;
        int maxWriters = 2;
        int maxBatch = 16;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<Integer> carried = Collections.synchronizedList(new ArrayList<>());
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newCachedThreadPool();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            GroupCommit<Integer, Integer> group = new GroupCommit<>(batch -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(5); // a commit
                batchSizes.add(batch.size());
                carried.addAll(batch);
                inFlight.decrementAndGet();
                return batch.stream().map(r -> -r).toList();
            }, writers, maxWriters, maxBatch);

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<CompletableFuture<Integer>>> submitted = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int request = i;
                submitted.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return group.submit(request);
                }, callers));
            }
            start.countDown();
            for (int i = 0; i < requests; i++) {
                assertEquals(-i, submitted.get(i).get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS),
                        "the result of request " + i);
            }
        } finally {
            callers.shutdownNow();
            writers.shutdownNow();
        }
        assertEquals(requests, carried.size(), "every request written once");
        assertEquals(requests, new HashSet<>(carried).size(), "no request written twice");
        assertTrue(mostInFlight.get() <= maxWriters, "writes in flight at once: " + mostInFlight.get());
        assertTrue(batchSizes.stream().allMatch(size -> size >= 1 && size <= maxBatch), "batches: " + batchSizes);
        assertTrue(batchSizes.size() < requests, "requests shared writes: " + batchSizes);
    }

    @Test
    void aFailedWriteFailsExactlyTheRequestsItCarried() throws Exception {
        RuntimeException outage = new IllegalStateException("database down");
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            GroupCommit<Integer, Integer> group = new GroupCommit<>(batch -> {
                if (writes.incrementAndGet() == 1) {
                    firstWriteStarted.countDown();
                    await(release);
                    throw outage;
                }
                return batch;
            }, writers, 1, 16);

            CompletableFuture<Integer> first = group.submit(1);
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            CompletableFuture<Integer> second = group.submit(2); // queued behind the failing write
            CompletableFuture<Integer> third = group.submit(3);
            release.countDown();

            ExecutionException failure = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
            assertSame(outage, failure.getCause());
            assertEquals(2, second.get(5, TimeUnit.SECONDS));
            assertEquals(3, third.get(5, TimeUnit.SECONDS));
            assertEquals(2, writes.get(), "the two queued requests shared the next write");
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aWrongNumberOfResultsFailsTheBatchRatherThanMisanswering() {
        GroupCommit<Integer, Integer> group = new GroupCommit<>(batch -> List.of(), Runnable::run, 1, 4);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> group.submit(1).get());
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void aRequestThatNoWriterCanTakeFailsInsteadOfWaitingForever() {
        GroupCommit<Integer, Integer> group = new GroupCommit<>(List::copyOf, task -> {
            throw new RejectedExecutionException("shutting down");
        }, 1, 4);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> group.submit(1).get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof RejectedExecutionException);
    }

    @Test
    void refusesAGroupWithoutWriters() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Integer, Integer>(List::copyOf, Runnable::run, 0, 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
