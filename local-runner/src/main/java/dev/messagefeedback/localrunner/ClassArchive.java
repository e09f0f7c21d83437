package dev.messagefeedback.localrunner;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data archive for CLI commands (AppCDS, JDK 17's dynamic archive): a command maps the ~13,000
 * classes it needs instead of loading each from a jar, which halves its CPU time. The first command
 * after a build records the archive as it exits (one command, chosen by a lock file, records; the
 * others run without); every later command uses it. The archive is named after the jar's size and
 * date, so a rebuilt service never meets a stale one.
 */
final class ClassArchive {

    private final Path archive;
    private final Path training;
    private final Path lock;
    private final boolean records;

    private ClassArchive(Path archive, Path training, Path lock, boolean records) {
        this.archive = archive;
        this.training = training;
        this.lock = lock;
        this.records = records;
    }

    static ClassArchive beside(Path serviceJar, boolean mayRecord) {
        try {
            String stamp = Files.size(serviceJar) + "-" + Files.getLastModifiedTime(serviceJar).toMillis();
            Path directory = serviceJar.toAbsolutePath().getParent();
            Path archive = directory.resolve("cli-" + stamp + ".jsa");
            Path lock = directory.resolve("cli-" + stamp + ".jsa.lock");
            boolean records = false;
            if (mayRecord && !Files.exists(archive)) {
                try {
                    Files.createFile(lock);
                    records = true;
                } catch (FileAlreadyExistsException anotherCommandRecords) {
                    records = false;
                }
            }
            return new ClassArchive(archive, directory.resolve("cli-" + stamp + ".jsa.tmp"), lock, records);
        } catch (IOException e) {
            return new ClassArchive(null, null, null, false);
        }
    }

    /** JVM options: use the archive, or record it. CDS's own messages never reach the command's output. */
    List<String> jvmOptions() {
        if (archive == null) {
            return List.of();
        }
        if (records) {
            return List.of("-Xlog:disable", "-XX:ArchiveClassesAtExit=" + training);
        }
        if (Files.exists(archive)) {
            return List.of("-Xlog:disable", "-XX:SharedArchiveFile=" + archive);
        }
        return List.of();
    }

    /** After the command: a recorded archive is published (atomically) if the command went well. */
    void finish(boolean succeeded) {
        if (!records) {
            return;
        }
        try {
            if (succeeded && Files.exists(training)) {
                Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(training);
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            // No archive this time: the next command records one.
        }
    }
}
