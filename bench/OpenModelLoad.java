import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open-model load, as wrk2 does it: request i is due at start + i / RATE whatever the answers do,
 * and its latency is measured from that due time, so time spent waiting for a free connection counts
 * (a closed-loop tool like wrk hides it). CONNECTIONS keep-alive connections, all driven by one thread
 * with a selector, so the client costs little of the CPU it shares with what it measures; it wakes at
 * least every millisecond to send what fell due. The first WARMUP_SECONDS of the schedule run at the
 * same rate but are not measured: this program's own JVM compiles its code then, and a client late for
 * its own reasons would be blamed on the service. Run as a single-file program:
 *
 *   java bench/OpenModelLoad.java BASE_URL ACCOUNT_SID AUTHORIZATION RATE SECONDS [CONNECTIONS [WARMUP_SECONDS]]
 *
 * Prints one line: "rate=... sent=... ok=... failed=... p50_ms=... p99_ms=... max_ms=...", then one
 * line of the p99 of each second of the schedule ("p99_each_second_ms=..."): a tail made by a few stalls
 * shows as a few bad seconds, one made by queueing as every second alike.
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
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        String host = base.getHost() + ":" + base.getPort();

        Selector selector = Selector.open();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        for (int c = 0; c < connections; c++) {
            idle.add(Connection.open(address, selector));
        }
        long[] latencies = new long[total];
        ArrayDeque<Integer> backlog = new ArrayDeque<>(); // due, not yet sent: no connection was free
        int ok = 0;
        int failed = 0;
        int scheduled = 0;
        int answered = 0;
        long start = System.nanoTime() + 200_000_000L;

        while (answered < total) {
            long now = System.nanoTime();
            while (scheduled < total && start + scheduled * interval <= now) {
                backlog.add(scheduled++);
            }
            while (!backlog.isEmpty() && !idle.isEmpty()) {
                Connection connection = idle.poll();
                int request = backlog.poll();
                try {
                    connection.send(request, requestBytes(host, account, authorization));
                } catch (IOException e) {
                    latencies[request] = System.nanoTime() - (start + request * interval);
                    answered++;
                    if (request >= warmup) {
                        failed++;
                    }
                    idle.add(connection.reopen(address, selector));
                }
            }
            long untilNext = scheduled < total ? start + scheduled * interval - System.nanoTime() : 1_000_000L;
            selector.select(Math.max(1, Math.min(100, untilNext / 1_000_000L)));
            for (var keys = selector.selectedKeys().iterator(); keys.hasNext();) {
                SelectionKey key = keys.next();
                keys.remove();
                Connection connection = (Connection) key.attachment();
                int status;
                try {
                    status = connection.onReady(key);
                } catch (IOException e) {
                    status = -1;
                }
                if (status == 0) {
                    continue; // not complete yet
                }
                int request = connection.request;
                latencies[request] = System.nanoTime() - (start + request * interval);
                answered++;
                if (request >= warmup) {
                    if (status == 201) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                idle.add(status < 0 ? connection.reopen(address, selector) : connection);
            }
        }
        long[] sorted = Arrays.stream(latencies, warmup, total).sorted().toArray();
        System.out.printf("rate=%.0f sent=%d ok=%d failed=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                rate, total - warmup, ok, failed, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        StringBuilder perSecond = new StringBuilder("p99_each_second_ms=");
        int perWindow = (int) Math.max(1, rate);
        for (int from = warmup; from < total; from += perWindow) {
            long[] window = Arrays.stream(latencies, from, Math.min(total, from + perWindow)).sorted().toArray();
            perSecond.append(from == warmup ? "" : ",").append(String.format("%.1f", percentile(window, 99)));
        }
        System.out.println(perSecond);
    }

    private static byte[] requestBytes(String host, String account, String authorization) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String message = "SM" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        String body = "Outcome=confirmed";
        return ("POST /2010-04-01/Accounts/" + account + "/Messages/" + message + "/Feedback.json HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** One keep-alive connection: at most one request in flight. */
    private static final class Connection {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private ByteBuffer out;
        int request;

        private Connection(SocketChannel channel, SelectionKey key) {
            this.channel = channel;
            this.key = key;
            key.attach(this);
        }

        static Connection open(InetSocketAddress address, Selector selector) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            return new Connection(channel, channel.register(selector, 0));
        }

        Connection reopen(InetSocketAddress address, Selector selector) throws IOException {
            key.cancel();
            channel.close();
            return open(address, selector);
        }

        void send(int request, byte[] bytes) throws IOException {
            this.request = request;
            in.clear();
            out = ByteBuffer.wrap(bytes);
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** @return 0 while the answer is incomplete, else its status (-1: the connection broke) */
        int onReady(SelectionKey ready) throws IOException {
            if (ready.isWritable()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return 0;
            }
            if (channel.read(in) < 0) {
                return -1;
            }
            byte[] bytes = in.array();
            int headerEnd = indexOf(bytes, in.position(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.US_ASCII);
            int length = 0;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            if (in.position() < headerEnd + 4 + length) {
                return 0;
            }
            if (in.position() > headerEnd + 4 + length) {
                throw new IOException("unexpected bytes after the body");
            }
            key.interestOps(0);
            return Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
        }

        private static int indexOf(byte[] bytes, int end, byte[] needle) {
            for (int i = 0; i + needle.length <= end; i++) {
                if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
            return -1;
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
