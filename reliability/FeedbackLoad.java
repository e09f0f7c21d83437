import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reliability checks of docs/api.md (idempotency, concurrency, durability) and docs/operations.md,
 * as a single-file program (java reliability/FeedbackLoad.java ...):
 *
 *   load  BASE_URLS ACCOUNT_SID AUTHORIZATION MESSAGES THREADS SECONDS ANSWERS_FILE
 *         POSTs random outcomes (confirmed, unconfirmed, none) for a fixed set of messages, spread over
 *         the base URLs (comma-separated: several replicas), and writes every 201 answer to ANSWERS_FILE.
 *   check ANSWERS_FILE ROWS_FILE
 *         compares the answers with the rows the database holds (psql's unaligned output of
 *         message_sid|outcome|date_created|date_updated, dates as RFC 2822 in UTC) and prints
 *         "N passed, N failed", one check per message.
 */
public class FeedbackLoad {

    record Answer(String message, String outcome, String created, String updated) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args[1].split(","), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Path.of(args[7]));
        } else {
            System.exit(check(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
        }
    }

    static void load(String[] bases, String account, String authorization, int messages, int threads, int seconds,
            Path answersFile) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sids.add(String.format("SM%032x", ThreadLocalRandom.current().nextLong(Long.MAX_VALUE)));
        }
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Pattern field = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String message = sids.get(random.nextInt(sids.size()));
                    String base = bases[random.nextInt(bases.length)];
                    String body = switch (random.nextInt(3)) {
                        case 0 -> "Outcome=confirmed";
                        case 1 -> "Outcome=unconfirmed";
                        default -> "";
                    };
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/" + account
                                    + "/Messages/" + message + "/Feedback.json"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() == 201) {
                            Map<String, String> json = new HashMap<>();
                            Matcher matcher = field.matcher(response.body());
                            while (matcher.find()) {
                                json.put(matcher.group(1), matcher.group(2));
                            }
                            answers.add(new Answer(json.get("message_sid"), json.get("outcome"), json.get("date_created"),
                                    json.get("date_updated")));
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet(); // the service is gone (after a SIGTERM): keep trying until the end
                        try {
                            Thread.sleep(20);
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
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(answersFile))) {
            for (Answer answer : answers) {
                out.println(answer.message() + "|" + answer.outcome() + "|" + answer.created() + "|" + answer.updated());
            }
        }
        System.out.printf("load: %d answers 201, statuses %s, %d connection failures%n", answers.size(), statuses, refused.get());
    }

    static boolean check(Path answersFile, Path rowsFile) throws IOException {
        Map<String, List<Answer>> byMessage = new HashMap<>();
        for (String line : Files.readAllLines(answersFile)) {
            Answer answer = parse(line);
            byMessage.computeIfAbsent(answer.message(), m -> new ArrayList<>()).add(answer);
        }
        Map<String, List<Answer>> rows = new HashMap<>();
        for (String line : Files.readAllLines(rowsFile)) {
            if (!line.isBlank()) {
                Answer row = parse(line);
                rows.computeIfAbsent(row.message(), m -> new ArrayList<>()).add(row);
            }
        }
        int passed = 0;
        int failed = 0;
        long answers = 0;
        for (var entry : byMessage.entrySet()) {
            List<String> problems = new ArrayList<>();
            List<Answer> stored = rows.getOrDefault(entry.getKey(), List.of());
            answers += entry.getValue().size();
            if (stored.size() != 1) {
                problems.add(stored.size() + " records");
            } else {
                Answer row = stored.get(0);
                for (Answer answer : entry.getValue()) {
                    if (!answer.created().equals(row.created())) {
                        problems.add("answered date_created " + answer.created() + ", stored " + row.created());
                    }
                    if (answer.outcome().equals("confirmed") && !row.outcome().equals("confirmed")) {
                        problems.add("a confirmation answered 201 was lost");
                    }
                    if (answer.outcome().equals("confirmed") && !answer.updated().equals(row.updated())) {
                        problems.add("answered a confirmation of " + answer.updated() + ", stored " + row.updated());
                    }
                    if (answer.outcome().equals("unconfirmed") && !answer.updated().equals(answer.created())) {
                        problems.add("answered an unconfirmed state that was updated: not a stored state");
                    }
                }
            }
            if (problems.isEmpty()) {
                passed++;
            } else {
                failed++;
                System.out.println("message " + entry.getKey() + ": " + problems);
            }
        }
        System.out.printf("check: %d answers 201 over %d messages, %d rows in the database%n", answers, byMessage.size(),
                rows.size());
        System.out.printf("%d passed, %d failed%n", passed, failed);
        return failed == 0 && passed > 0;
    }

    private static Answer parse(String line) {
        String[] parts = line.split("\\|", -1);
        return new Answer(parts[0], parts[1], parts[2], parts[3]);
    }
}
