package dev.migrate.cli.commands;

import dev.migrate.core.MigrateException;

/**
 * The honest answer of a command whose step has not landed yet: a runtime error naming the
 * issue that will deliver it. Never a pretend success.
 */
final class NotImplementedYet {

    private NotImplementedYet() {}

    static MigrateException of(String command, int issue) {
        return MigrateException.runtime(command + ": not implemented yet (issue " + issue + ")", null);
    }
}
