package dev.messagefeedback.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.out.StoreUnavailableException;
import java.time.Duration;
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
        GroupCommit<Integer, Integer> group = group(requests -> {
            batchSizes.add(requests.size());
            return requests.stream().map(r -> r * 10).toList();
        }, Runnable::run, settings(2, 8));

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
            GroupCommit<Integer, Integer> group = group(batch -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(5); // a commit
                batchSizes.add(batch.size());
                carried.addAll(batch);
                inFlight.decrementAndGet();
                return batch.stream().map(r -> -r).toList();
            }, writers, settings(maxWriters, maxBatch));

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
    void underLightLoadARequestDoesNotWaitForTheBatchInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothInFlight = new CountDownLatch(2);
        ExecutorService writers = Executors.newCachedThreadPool();
        try {
            GroupCommit<Integer, Integer> group = group(batch -> {
                bothInFlight.countDown();
                await(release);
                return batch;
            }, writers, settings(2, 16));
            CompletableFuture<Integer> first = group.submit(1);
            assertTrue(waitUntil(() -> bothInFlight.getCount() == 1), "the first batch is under way");
            CompletableFuture<Integer> second = group.submit(2);
            assertTrue(bothInFlight.await(5, TimeUnit.SECONDS), "the second request got a batch of its own at once");
            release.countDown();
            assertEquals(List.of(1, 2), List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS)));
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void underLoadBatchesGoOneAtATimeAndGrow() throws Exception {
        CountDownLatch releaseSmall = new CountDownLatch(1);
        CountDownLatch largeStarted = new CountDownLatch(1);
        CountDownLatch releaseLarge = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        ExecutorService writers = Executors.newCachedThreadPool();
        try {
            GroupCommit<Integer, Integer> group = group(batch -> {
                inFlight.incrementAndGet();
                batchSizes.add(batch.size());
                if (batch.size() > GroupCommit.SMALL_BATCH) {
                    largeStarted.countDown();
                    await(releaseLarge);
                } else {
                    await(releaseSmall);
                }
                inFlight.decrementAndGet();
                return batch;
            }, writers, settings(4, 64));
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            // Light load: each request that finds the writers busy gets a writer of its own, up to four.
            for (int i = 0; i < 4; i++) {
                answers.add(group.submit(i));
                int expected = i + 1;
                assertTrue(waitUntil(() -> inFlight.get() == expected), "batches in flight: " + inFlight.get());
            }
            // Every writer busy: the next requests queue, then go together in one large batch.
            for (int i = 4; i <= 40; i++) {
                answers.add(group.submit(i));
            }
            releaseSmall.countDown();
            assertTrue(largeStarted.await(5, TimeUnit.SECONDS), "a large batch formed: " + batchSizes);
            // Heavy load now: requests wait for the batch in flight rather than start batches beside it.
            int batchesBefore = batchSizes.size();
            for (int i = 41; i <= 60; i++) {
                answers.add(group.submit(i));
            }
            Thread.sleep(200);
            assertEquals(batchesBefore, batchSizes.size(), "no batch started beside the large one: " + batchSizes);
            releaseLarge.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i, answers.get(i).get(5, TimeUnit.SECONDS));
            }
            assertEquals(List.of(1, 1, 1, 1, 37, 20), batchSizes);
        } finally {
            writers.shutdownNow();
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    @Test
    void aFailedWriteFailsExactlyTheRequestsItCarried() throws Exception {
        RuntimeException outage = new IllegalStateException("database down");
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            GroupCommit<Integer, Integer> group = group(batch -> {
                if (writes.incrementAndGet() == 1) {
                    firstWriteStarted.countDown();
                    await(release);
                    throw outage;
                }
                return batch;
            }, writers, settings(1, 16));

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
        GroupCommit<Integer, Integer> group = group(batch -> List.of(), Runnable::run, settings(1, 4));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> group.submit(1).get());
        assertTrue(failure.getCause() instanceof IllegalStateException);
    }

    @Test
    void aRequestThatNoWriterCanTakeFailsInsteadOfWaitingForever() {
        GroupCommit<Integer, Integer> group = group(List::copyOf, task -> {
            throw new RejectedExecutionException("shutting down");
        }, settings(1, 4));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> group.submit(1).get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof RejectedExecutionException);
    }

    @Test
    void refusesAGroupWithoutWriters() {
        assertThrows(IllegalArgumentException.class, () -> settings(0, 1));
    }

    @Test
    void aRequestNotWrittenWithinTheDeadlineFailsAsUnavailableAndIsNeverWrittenLate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            GroupCommit<Integer, Integer> group = group(batch -> {
                firstWriteStarted.countDown();
                await(release); // a stalled database
                written.addAll(batch);
                return batch;
            }, writers, new WriteSettings(1, 16, 100, Duration.ofMillis(200)));
            CompletableFuture<Integer> stalled = group.submit(1);
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            CompletableFuture<Integer> queued = group.submit(2);
            long start = System.nanoTime();
            ExecutionException failure = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof StoreUnavailableException, failure.getCause().toString());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "answered at the deadline, not later");
            assertThrows(ExecutionException.class, () -> stalled.get(5, TimeUnit.SECONDS));
            release.countDown();
            assertEquals(3, group.submit(3).get(5, TimeUnit.SECONDS), "works again once the database does");
            assertEquals(List.of(1, 3), written, "the expired queued request was skipped, not written late");
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aFullQueueFailsAtOnceAsUnavailable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            GroupCommit<Integer, Integer> group = group(batch -> {
                firstWriteStarted.countDown();
                await(release);
                return batch;
            }, writers, new WriteSettings(1, 1, 2, Duration.ofSeconds(10)));
            CompletableFuture<Integer> first = group.submit(1);
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS)); // the writer took it: two more fill the queue
            CompletableFuture<Integer> second = group.submit(2);
            CompletableFuture<Integer> third = group.submit(3);
            CompletableFuture<Integer> refused = group.submit(4);
            assertTrue(refused.isCompletedExceptionally(), "refused at once");
            ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
            assertTrue(failure.getCause() instanceof StoreUnavailableException);
            release.countDown();
            assertEquals(List.of(1, 2, 3), List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS),
                    third.get(5, TimeUnit.SECONDS)));
        } finally {
            writers.shutdownNow();
        }
    }

    private static <I, O> GroupCommit<I, O> group(WriteBatcher.BatchWrite<I, O> writer, java.util.concurrent.Executor executor,
            WriteSettings settings) {
        return new GroupCommit<>(writer, executor, settings, new WriteDeadlines(settings.deadline()));
    }

    private static WriteSettings settings(int writers, int maxBatch) {
        return new WriteSettings(writers, maxBatch, 10_000, Duration.ofSeconds(30));
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
