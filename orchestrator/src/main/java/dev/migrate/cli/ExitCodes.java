package dev.migrate.cli;

import dev.migrate.core.MigrateException;

/**
 * Every exit code of {@code migrate}, and the one mapping from a failure to its code. The
 * README's "Exit codes" section documents the same table.
 */
public final class ExitCodes {

    /** Everything asked for was done (and validated, where validation ran). */
    public static final int SUCCESS = 0;

    /** Validation ran and found differences: the report says which table and key. */
    public static final int VALIDATION_FAILED = 1;

    /** The command line itself is wrong: unknown option, missing value, conflicting flags. */
    public static final int USAGE = 2;

    /** The input is wrong: staging directory, schema, values, configuration file, user not found. */
    public static final int INPUT_ERROR = 3;

    /** The environment failed (connection, locked file, disk) or the tool itself did. */
    public static final int RUNTIME_ERROR = 4;

    private ExitCodes() {}

    /** The exit code for a failure thrown by a command. */
    public static int of(Throwable failure) {
        if (failure instanceof MigrateException e) {
            return switch (e.kind()) {
                case INPUT -> INPUT_ERROR;
                case RUNTIME -> RUNTIME_ERROR;
                case VALIDATION -> VALIDATION_FAILED;
            };
        }
        if (failure instanceof UsageException) {
            return USAGE;
        }
        return RUNTIME_ERROR;
    }
}
