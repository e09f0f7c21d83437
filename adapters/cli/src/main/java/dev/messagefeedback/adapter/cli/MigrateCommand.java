package dev.messagefeedback.adapter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Brings the database schema up to this version. The migration itself runs as the command line starts
 * (the application turns Flyway's migrate-at-start on for this command alone); by the time this runs,
 * it is done. Every other command only checks the schema and refuses when it is behind.
 */
@Command(name = MigrateCommand.NAME, mixinStandardHelpOptions = true,
        description = "Applies the pending database migrations (the only command that changes the schema).")
class MigrateCommand implements Runnable {

    static final String NAME = "migrate";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("schema=current");
    }
}
