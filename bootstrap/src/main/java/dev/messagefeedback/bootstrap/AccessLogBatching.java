package dev.messagefeedback.bootstrap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The access log's records reach the log handlers in batches, not one by one.
 *
 * <p>Quarkus writes one access-log record per request, on the event loop, to the handlers of the root
 * logger; with asynchronous console logging that hands each record to the console's writer thread,
 * which parks between records: every request paid a thread wake-up (and the writer a park), which the
 * CPU profile of a loaded service shows as one of its largest costs. Here the event loop only queues the
 * record, with its request id and thread name already captured; a thread of its own hands what was
 * queued to the very same handlers every {@link #PERIOD_MILLIS} ms, so the writer wakes once per batch.
 *
 * <p>Logging is configuration, so this lives with the rest of it, in bootstrap; AccessLogLinesTest fails
 * when records stop arriving in batches. What it bought, measured (BENCHMARKS.md): the writer's wake-up and
 * park fell from 4.8 % + 4.4 % of the CPU samples of a loaded service to 0.4 % + 0.4 %.
 *
 * <p>Nothing else changes: one line per request, the same fields and format (the handlers and their
 * formatter are the configured ones), access lines in the order their requests ended. A line reaches
 * the output up to {@link #PERIOD_MILLIS} ms later than before. Past {@link #CAPACITY} queued records
 * (the output cannot keep up) a record goes the usual way at once, ahead of the queued ones, so nothing
 * is dropped; records still queued at shutdown are delivered before the service stops.
 */
@ApplicationScoped
class AccessLogBatching {

    /** Quarkus's access-log category ({@code quarkus.http.access-log.category}'s default). */
    static final String CATEGORY = "io.quarkus.http.access-log";
    static final long PERIOD_MILLIS = 5;
    static final int CAPACITY = 16_384;

    private final Logger accessLog = Logger.getLogger(CATEGORY);
    private final ConcurrentLinkedQueue<ExtLogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Handler batching = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord extended = ExtLogRecord.wrap(record);
            extended.disableCallerCalculation(); // as the asynchronous handler does: no stack walk
            extended.copyMdc(); // the request id, read now on the request's own thread
            if (queued.incrementAndGet() > CAPACITY) {
                queued.decrementAndGet();
                deliver(extended);
            } else {
                queue.offer(extended);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** The access log's ancestors, the root last: looked up once (the log manager makes a new object per look-up). */
    private final List<Logger> ancestors = new ArrayList<>();
    private volatile boolean running;
    private Thread deliverer;

    void start(@Observes StartupEvent started) {
        for (Logger logger = accessLog.getParent(); logger != null; logger = logger.getParent()) {
            ancestors.add(logger);
        }
        running = true;
        deliverer = new Thread(this::deliverPeriodically, "access-log-batches");
        deliverer.setDaemon(true);
        deliverer.start();
        accessLog.addHandler(batching);
        accessLog.setUseParentHandlers(false);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        accessLog.setUseParentHandlers(true);
        accessLog.removeHandler(batching);
        running = false;
        LockSupport.unpark(deliverer);
        deliverer.join(TimeUnit.SECONDS.toMillis(2));
        deliverQueued(); // whatever came in between
    }

    private void deliverPeriodically() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            deliverQueued();
        }
    }

    private void deliverQueued() {
        ExtLogRecord record;
        while ((record = queue.poll()) != null) {
            queued.decrementAndGet();
            deliver(record);
        }
    }

    /** What the logger itself would have done without this handler: its ancestors' handlers, in order. */
    private void deliver(ExtLogRecord record) {
        for (Logger logger : ancestors) {
            for (Handler handler : logger.getHandlers()) {
                handler.publish(record);
            }
            if (!logger.getUseParentHandlers()) {
                return;
            }
        }
    }
}
