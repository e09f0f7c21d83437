import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady load through an event the script causes (a failover, a switchover, a rollout), as a
 * single-file program (java reliability/HaLoad.java ...). The rules it checks are docs/operations.md's:
 * during such an event every request is answered, 201 or 503 with Retry-After, within the write
 * deadline + 0.5 s; what each client was acknowledged (201) is compared with the table afterwards by
 * FeedbackLoad.java's check.
 *
 *   run    BASE_URLS ACCOUNT_SID AUTHORIZATION CLIENTS MESSAGES STOP_FILE MAX_SECONDS CALLS_FILE ANSWERS_FILE
 *          CLIENTS clients POST random outcomes for MESSAGES random messages, spread over the base URLs
 *          (comma-separated), until STOP_FILE exists (at most MAX_SECONDS); STOP_FILE.started appears at
 *          the first 201 (the script waits for it before it causes the event). Every call goes to CALLS_FILE
 *          as "start_ms end_ms status retry_after" (epoch milliseconds; status 0: no answer, a connection
 *          error or the client's 10 s timeout; retry_after 1 if the header was there), every 201 to
 *          ANSWERS_FILE in FeedbackLoad.java's format.
 *   report CALLS_FILE EVENT FROM_MS TO_MS MARK_MS DEADLINE_MS ALLOWED LOST
 *          the calls started between FROM_MS and TO_MS: one summary line (requests sent, 201s, 503s,
 *          other codes, lost writes as given, longest answer, longest time without a 201, first 201
 *          after MARK_MS, e.g. a promotion), then "PASS ..." / "FAIL ..." lines: every answer one of
 *          ALLOWED (comma-separated statuses), every 503 with Retry-After, every call answered within
 *          DEADLINE_MS + 500 ms (DEADLINE_MS 0: not checked), LOST 0. MARK_MS 0: no mark.
 */
public class HaLoad {

    record Call(long start, long end, int status, boolean retryAfter) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(args[1].split(","), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Path.of(args[6]), Integer.parseInt(args[7]), Path.of(args[8]), Path.of(args[9]));
            case "report" -> System.exit(report(Path.of(args[1]), args[2], Long.parseLong(args[3]), Long.parseLong(args[4]),
                    Long.parseLong(args[5]), Long.parseLong(args[6]), args[7], Integer.parseInt(args[8])) ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void run(String[] bases, String account, String authorization, int clients, int messages, Path stopFile,
            int maxSeconds, Path callsFile, Path answersFile) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sids.add(String.format("SM%016x%016x", ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()));
        }
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        Pattern field = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");
        long end = System.currentTimeMillis() + maxSeconds * 1000L;
        Path startedFile = Path.of(stopFile + ".started");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.currentTimeMillis() < end && !Files.exists(stopFile)) {
                    String base = bases[random.nextInt(bases.length)];
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + account
                                    + "/Messages/" + sids.get(random.nextInt(sids.size())) + "/Feedback.json"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(random.nextBoolean() ? "Outcome=confirmed"
                                    : "Outcome=unconfirmed")).build();
                    long started = System.currentTimeMillis();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        calls.add(new Call(started, System.currentTimeMillis(), response.statusCode(),
                                response.headers().firstValue("Retry-After").isPresent()));
                        if (response.statusCode() == 201 && !Files.exists(startedFile)) {
                            Files.writeString(startedFile, "");
                        }
                        if (response.statusCode() == 201) {
                            Map<String, String> json = new HashMap<>();
                            Matcher matcher = field.matcher(response.body());
                            while (matcher.find()) {
                                json.put(matcher.group(1), matcher.group(2));
                            }
                            answers.add(json.get("message_sid") + "|" + json.get("outcome") + "|" + json.get("date_created")
                                    + "|" + json.get("date_updated"));
                        }
                    } catch (HttpTimeoutException e) {
                        calls.add(new Call(started, System.currentTimeMillis(), 0, false));
                    } catch (IOException e) {
                        calls.add(new Call(started, System.currentTimeMillis(), 0, false));
                        try {
                            Thread.sleep(20); // nobody listening: do not spin
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(callsFile))) {
            for (Call call : calls) {
                out.println(call.start() + " " + call.end() + " " + call.status() + " " + (call.retryAfter() ? 1 : 0));
            }
        }
        Files.write(answersFile, answers);
    }

    static boolean report(Path callsFile, String event, long from, long to, long mark, long deadlineMillis, String allowed,
            int lost) throws IOException {
        List<Call> calls = new ArrayList<>();
        for (String line : Files.readAllLines(callsFile)) {
            String[] parts = line.split(" ");
            Call call = new Call(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                    parts[3].equals("1"));
            if (call.start() >= from && call.start() <= to) {
                calls.add(call);
            }
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        calls.forEach(call -> statuses.merge(call.status(), 1, Integer::sum));
        int created = statuses.getOrDefault(201, 0);
        int unavailable = statuses.getOrDefault(503, 0);
        int other = calls.size() - created - unavailable;
        long longest = calls.stream().mapToLong(call -> call.end() - call.start()).max().orElse(0);
        long slow = calls.stream().filter(call -> call.end() - call.start() > deadlineMillis + 500).count();
        long without = calls.stream().filter(call -> call.status() == 503 && !call.retryAfter()).count();
        // The longest time without a 201 answer, from the start of the window to its end.
        List<Long> ends = calls.stream().filter(call -> call.status() == 201).map(Call::end).sorted().toList();
        long gap = 0;
        long previous = from;
        for (long end : ends) {
            gap = Math.max(gap, end - previous);
            previous = Math.max(previous, end);
        }
        gap = Math.max(gap, to - previous);
        String firstAfterMark = "";
        long first = ends.stream().filter(end -> end >= mark).findFirst().orElse(-1L);
        if (mark > 0) {
            firstAfterMark = first < 0 ? ", no 201 after the mark" : String.format(", first 201 %.2f s after the mark", (first - mark) / 1e3);
        }
        Map<Integer, Integer> others = new TreeMap<>(statuses);
        others.remove(201);
        others.remove(503);
        System.out.printf("%s: %d requests, %d x 201, %d x 503, %d other %s, %d lost, longest answer %.2f s, "
                + "%.2f s without a 201%s%n", event, calls.size(), created, unavailable, other, others, lost, longest / 1e3,
                gap / 1e3, firstAfterMark);
        boolean ok = true;
        List<String> permitted = List.of(allowed.split(","));
        long refused = calls.stream().filter(call -> !permitted.contains(String.valueOf(call.status()))).count();
        ok &= check(created > 0, event + ": " + created + " requests answered 201");
        ok &= check(refused == 0, event + ": every answer is one of " + allowed + " (" + refused + " not; 0 = no answer)");
        ok &= check(without == 0, event + ": every 503 has Retry-After (" + without + " without)");
        if (deadlineMillis > 0) {
            ok &= check(slow == 0, String.format("%s: every request answered within %d ms + 500 ms (longest %.2f s, %d over)",
                    event, deadlineMillis, longest / 1e3, slow));
        }
        ok &= check(lost == 0, event + ": " + lost + " acknowledged writes lost");
        if (mark > 0) {
            ok &= check(first >= 0, event + ": 201s again after the mark, without a restart of the service");
        }
        return ok;
    }

    static boolean check(boolean ok, String what) {
        System.out.println((ok ? "PASS " : "FAIL ") + what);
        return ok;
    }
}
