package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules in deploy/monitoring/, checked offline: valid JSON
 * and YAML of the expected shape, and every metric (and label) their queries name is one this service
 * exports, read from its own Prometheus endpoint after some traffic. A renamed metric fails here, not
 * on an operator's empty panel.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class MonitoringArtifactsTest {

    static final Path MONITORING = Path.of("..", "deploy", "monitoring");

    /** Metrics the rules read from kube-state-metrics (readiness of the Deployment), not from the service. */
    static final Set<String> KUBE_STATE_METRICS = Set.of("kube_deployment_status_replicas_available", "kube_deployment_spec_replicas");
    /** Labels Prometheus adds to every scraped series (target labels), absent from the raw exposition. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "deployment");

    /** A selector: an optional metric name and its label matchers (whose quoted values may hold braces). */
    static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{((?:[^}\"]|\"[^\"]*\")*)}");
    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");
    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "le");

    final TestAccounts.Credentials account = TestAccounts.account();

    @Test
    void theDashboardIsGrafanaJsonWhosePanelsNameOnlyExportedMetrics() throws IOException {
        JsonObject dashboard = new JsonObject(Files.readString(MONITORING.resolve("grafana-dashboard.json")));
        assertEquals("message-feedback", dashboard.getString("uid"));
        JsonArray panels = dashboard.getJsonArray("panels");
        assertTrue(panels.size() >= 8, "a panel for each of rate, p99, errors, writes, batches, pool");
        List<String> expressions = new ArrayList<>();
        Set<String> titles = new TreeSet<>();
        for (Object panel : panels) {
            JsonObject p = (JsonObject) panel;
            titles.add(p.getString("title"));
            JsonArray targets = p.getJsonArray("targets");
            assertFalse(targets == null || targets.isEmpty(), "panel without a query: " + p.getString("title"));
            targets.forEach(target -> expressions.add(((JsonObject) target).getString("expr")));
        }
        for (Object variable : dashboard.getJsonObject("templating").getJsonArray("list")) {
            String definition = ((JsonObject) variable).getString("definition");
            if (definition != null) {
                expressions.add(definition.replaceFirst("^label_values\\(([^,]+),.*\\)$", "$1"));
            }
        }
        for (String needed : List.of("p99", "5xx", "4xx", "transition", "commit", "pool")) {
            assertTrue(titles.stream().anyMatch(title -> title.toLowerCase().contains(needed.toLowerCase())), needed + " in " + titles);
        }
        assertNamesAreExported(expressions);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesArePrometheusRulesWhoseExpressionsNameOnlyExportedMetrics() throws IOException {
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(MONITORING.resolve("prometheus-rules.yml"))) {
            file = new Yaml().load(in);
        }
        List<String> expressions = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertTrue(group.get("name") instanceof String, "every group is named");
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertTrue(rule.get("alert") instanceof String && rule.get("expr") instanceof String, "alert and expr: " + rule);
                assertTrue(((Map<String, Object>) rule.get("labels")).get("severity") instanceof String, "severity: " + rule);
                assertTrue(((Map<String, Object>) rule.get("annotations")).get("summary") instanceof String, "summary: " + rule);
                assertTrue(String.valueOf(rule.get("for")).matches("\\d+[smh]"), "a duration: " + rule);
                alerts.add((String) rule.get("alert"));
                expressions.add((String) rule.get("expr"));
            }
        }
        for (String needed : List.of("ErrorBudget", "P99", "NotReady")) {
            assertTrue(alerts.stream().anyMatch(alert -> alert.contains(needed)), needed + " among " + alerts);
        }
        assertNamesAreExported(expressions);
    }

    private void assertNamesAreExported(List<String> expressions) {
        Map<String, Set<String>> exported = exportedMetricsAndLabels();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String expression : expressions) {
            String query = expression.replaceAll("\\[[^]]*]", " ");
            Matcher selector = SELECTOR.matcher(query);
            while (selector.find()) {
                String metric = selector.group(1);
                if (metric == null || KUBE_STATE_METRICS.contains(metric)) {
                    continue;
                }
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    String label = matcher.group(1);
                    if (!TARGET_LABELS.contains(label) && exported.containsKey(metric) && !exported.get(metric).contains(label)) {
                        problems.put(metric + "{" + label + "}", expression);
                    }
                    if (label.equals("uri") && matcher.group(2).equals("=") && !exported.get("uri=").contains(matcher.group(3))) {
                        problems.put("uri=\"" + matcher.group(3) + "\"", expression);
                    }
                }
            }
            String bare = SELECTOR.matcher(query).replaceAll("$1 ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                String name = identifier.group();
                boolean function = bare.substring(identifier.end()).matches("(?s)^\\s*\\(.*");
                if (function || KEYWORDS.contains(name) || KUBE_STATE_METRICS.contains(name)) {
                    continue;
                }
                if (!exported.containsKey(name)) {
                    problems.put(name, expression);
                }
            }
        }
        assertTrue(problems.isEmpty(), "not exported by the service: " + problems.keySet() + "\nfrom " + problems.values());
    }

    /** The service's own metrics after a created, a repeated, a refused and an unknown request. */
    private Map<String, Set<String>> exportedMetricsAndLabels() {
        String path = Sids.feedbackPath(account.accountSid(), Sids.sms());
        Api.form(account, "unconfirmed").post(path).then().statusCode(201);
        Api.form(account, "confirmed").post(path).then().statusCode(201);
        Api.anonymous().post(path).then().statusCode(401);
        Api.as(account).get("/no/such/path").then().statusCode(404);

        String text = RestAssured.given().get(metricsUrl()).then().statusCode(200).extract().asString();
        Map<String, Set<String>> labelsByMetric = new HashMap<>();
        Set<String> uris = new TreeSet<>();
        Pattern series = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s");
        for (String line : text.lines().toList()) {
            Matcher m = series.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Set<String> labels = labelsByMetric.computeIfAbsent(m.group(1), name -> new TreeSet<>());
            if (m.group(3) != null) {
                Matcher label = MATCHER.matcher(m.group(3));
                while (label.find()) {
                    labels.add(label.group(1));
                    if (label.group(1).equals("uri")) {
                        uris.add(label.group(3));
                    }
                }
            }
        }
        labelsByMetric.put("uri=", uris);
        return labelsByMetric;
    }

    /**
     * Where Prometheus scrapes: the management interface when it is enabled (its own port), else the
     * API's; the path is Quarkus's, under its root for non-application endpoints.
     */
    static String metricsUrl() {
        Config config = ConfigProvider.getConfig();
        boolean management = config.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false);
        String metricsPath = config.getOptionalValue("quarkus.micrometer.export.prometheus.path", String.class).orElse("metrics");
        if (metricsPath.startsWith("/")) {
            return RestAssured.baseURI + ":" + RestAssured.port + metricsPath;
        }
        if (management) {
            int port = config.getValue("quarkus.management.test-port", Integer.class);
            String root = config.getOptionalValue("quarkus.management.root-path", String.class).orElse("/q");
            return "http://localhost:" + port + (root.endsWith("/") ? root : root + "/") + metricsPath;
        }
        String root = config.getOptionalValue("quarkus.http.non-application-root-path", String.class).orElse("q");
        return RestAssured.baseURI + ":" + RestAssured.port + "/" + root.replaceAll("^/|/$", "") + "/" + metricsPath;
    }
}
