package dev.messagefeedback.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.messagefeedback.application.port.in.ProvisionDemoAccountCommand;
import dev.messagefeedback.application.port.in.ProvisionDemoAccountUseCase;
import dev.messagefeedback.domain.AccountSid;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's twilio-java example, compiled and run exactly as printed (only its argument, the base
 * URL, points it at the test server), so that the README cannot rot.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ReadmeJavaExampleTest {

    static final String DEMO_ACCOUNT = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Inject
    ProvisionDemoAccountUseCase demoAccount;

    @Inject
    DataSource dataSource;

    static String readmeBlock(String language, String mustContain) throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            if (block.group(1).contains(mustContain)) {
                return block.group(1);
            }
        }
        throw new AssertionError("no ```" + language + " block with " + mustContain + " in README.md");
    }

    static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("README.md"))) {
            directory = directory.getParent();
        }
        return directory;
    }

    @Test
    void theJavaExampleSendsFeedbackAsPrinted() throws Exception {
        demoAccount.provisionDemoAccount(new ProvisionDemoAccountCommand(new AccountSid(DEMO_ACCOUNT), "f00df00df00df00df00df00df00df00d"));
        String source = readmeBlock("java", "extends HttpClient");

        Path work = Files.createTempDirectory("readme-java");
        Files.writeString(work.resolve("SendFeedback.java"), source);
        ByteArrayOutputStream compilerOutput = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, compilerOutput, compilerOutput,
                "-classpath", testClassPath(), "-d", work.toString(), work.resolve("SendFeedback.java").toString());
        assertEquals(0, compiled, compilerOutput.toString(StandardCharsets.UTF_8));

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()},
                com.twilio.http.HttpClient.class.getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("SendFeedback").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {RawHttp.uri("").toString().replaceAll("/$", "")});
        } finally {
            System.setOut(console);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("confirmed "), printed.toString(StandardCharsets.UTF_8));
        assertEquals("confirmed", FeedbackRows.of(dataSource, DEMO_ACCOUNT, "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").get(0).outcome());
    }

    /** The test's class path, also when surefire hands it over in a manifest-only jar. */
    static String testClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && Path.of(entry).getFileName().toString().startsWith("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String url : classPath.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(Path.of(java.net.URI.create(url)).toString());
                            }
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

}
