package dev.migrate.cli.commands;

import dev.migrate.cli.CommonOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate demo}: the whole round trip on an embedded PostgreSQL, nothing to install. */
@Command(
        name = "demo",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Show the whole round trip on a throwaway PostgreSQL, with nothing to install.",
            "",
            "Starts an embedded PostgreSQL, loads the reference multi-user database, collapses one "
                    + "user into a SQLite file, validates, expands that file back into a copy of the "
                    + "database from which the user was removed, validates again, and prints where "
                    + "the files are and the summary. Exit 0 only if every validation passed."
        },
        footer = {"", "Example:", "  migrate demo --dir /tmp/migrate-demo"})
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Directory for the demo's files (staging directories, SQLite file, reports). "
                    + "Default: a new directory under the system's temporary directory.")
    Path dir;

    @Option(
            names = "--user-email",
            paramLabel = "EMAIL",
            description = "Which user of the reference database to move (default: alice@example.com).")
    String userEmail;

    @Mixin(name = "common")
    CommonOptions common;

    @Override
    public Integer call() {
        throw NotImplementedYet.of("demo", 5);
    }
}
