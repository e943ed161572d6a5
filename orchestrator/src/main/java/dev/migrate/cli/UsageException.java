package dev.migrate.cli;

/**
 * A command line that parses but makes no sense (same source and target, {@code --skip-import}
 * without anything to import...): reported in one line with exit code {@link ExitCodes#USAGE}.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
