import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load, as wrk2 does it: request i is due at start + i / RATE whatever the answers do,
 * and its latency is measured from that due time, so time spent waiting for a free connection counts
 * (a closed-loop tool like wrk hides it). CONNECTIONS keep-alive connections, one thread each, plain
 * blocking HTTP/1.1: cheap enough not to steal the CPU it measures. Run as a single-file program:
 *
 *   java bench/OpenModelLoad.java BASE_URL ACCOUNT_SID AUTHORIZATION RATE SECONDS [CONNECTIONS]
 *
 * Prints one line: "rate=... sent=... ok=... failed=... p50_ms=... p99_ms=... max_ms=...".
 */
public class OpenModelLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String account = args[1];
        String authorization = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 64;
        int warmup = (int) (rate * (args.length > 6 ? Integer.parseInt(args[6]) : 5));
        int total = warmup + (int) (rate * seconds);
        long interval = (long) (1_000_000_000L / rate);
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime() + 200_000_000L;

        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> {
                Socket socket = null;
                try {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        try {
                            if (socket == null) {
                                socket = new Socket();
                                socket.setTcpNoDelay(true);
                                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                                socket.setSoTimeout(10_000);
                            }
                            int status = post(socket, base, account, authorization);
                            if (i >= warmup) {
                                (status == 201 ? ok : failed).incrementAndGet();
                            }
                        } catch (IOException e) {
                            if (i >= warmup) {
                                failed.incrementAndGet();
                            }
                            closeQuietly(socket);
                            socket = null;
                        }
                        latencies[i] = System.nanoTime() - due;
                    }
                } finally {
                    closeQuietly(socket);
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] sorted = Arrays.stream(latencies, warmup, total).filter(l -> l > 0).sorted().toArray();
        System.out.printf("rate=%.0f sent=%d ok=%d failed=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                rate, total - warmup, ok.get(), failed.get(), percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static int post(Socket socket, URI base, String account, String authorization) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String message = "SM" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        String body = "Outcome=confirmed";
        String request = "POST /2010-04-01/Accounts/" + account + "/Messages/" + message + "/Feedback.json HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
        if (in.available() > 0) {
            throw new IOException("unexpected bytes after the body");
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
