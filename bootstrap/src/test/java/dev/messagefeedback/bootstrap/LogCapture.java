package dev.messagefeedback.bootstrap;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record the running service publishes, at every level, while installed on the root logger:
 * the records as JBoss LogManager hands them to its handlers, each with its MDC copied as it was
 * published (the request id, the trace ids), whatever thread reads it later.
 */
final class LogCapture extends Handler {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Map<ExtLogRecord, String> publishedOn = Collections.synchronizedMap(new IdentityHashMap<>());

    private LogCapture() {
        setLevel(Level.ALL);
    }

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    void remove() {
        Logger.getLogger("").removeHandler(this);
    }

    List<ExtLogRecord> records() {
        return records;
    }

    /** The thread that handed the record to the handlers (not the one that logged it, which the record names). */
    String publishingThread(ExtLogRecord record) {
        return publishedOn.get(record);
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord extended = ExtLogRecord.wrap(record);
        extended.copyMdc();
        publishedOn.put(extended, Thread.currentThread().getName());
        records.add(extended);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
