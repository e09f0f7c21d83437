package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every API route has its own label in the HTTP metrics: a resource added without a match pattern in
 * application.properties would be counted under {@code /{other}}, with every scanner's random path.
 */
class MetricRoutePatternsTest {

    static final String MATCH_PATTERNS = "quarkus.micrometer.binder.http-server.match-patterns";
    static final String CATCH_ALL = "/{other}";

    record Route(Pattern pattern, String label) {
    }

    @Test
    void everyResourcePathHasAPatternOfItsOwn() throws IOException {
        List<Route> routes = routes();
        List<JavaClass> resources = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.messagefeedback.adapter.rest").stream()
                .filter(type -> type.isAnnotatedWith(Path.class)).toList();
        assertFalse(resources.isEmpty(), "no resource found: the check would pass without checking anything");
        for (JavaClass resource : resources) {
            String template = resource.getAnnotationOfType(Path.class).value();
            String path = sample(template);
            Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElseThrow();
            assertTrue(!route.label().equals(CATCH_ALL), resource.getSimpleName() + "'s " + template + " (as " + path
                    + ") has no match pattern of its own in " + MATCH_PATTERNS);
        }
    }

    @Test
    void theCheckSeesAPathWithoutAPattern() throws IOException {
        String path = sample("/2010-04-01/Accounts/{AccountSid: AC[0-9a-fA-F]{32}}/Calls.json");
        assertTrue(routes().stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElseThrow()
                .label().equals(CATCH_ALL));
    }

    /** A concrete path for a JAX-RS template: each {@code {Name}} or {@code {Name: regex}} as one segment. */
    static String sample(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    path.append("x");
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                path.append(c);
            }
        }
        return path.toString();
    }

    static List<Route> routes() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MetricRoutePatternsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<Route> routes = new ArrayList<>();
        for (String entry : properties.getProperty(MATCH_PATTERNS).split(",")) {
            int equals = entry.lastIndexOf('=');
            routes.add(new Route(Pattern.compile(entry.substring(0, equals)), entry.substring(equals + 1)));
        }
        return routes;
    }
}
