package dev.migrate.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Errors and warnings collected while validating. A problem found in the target is an error (the
 * migration produced it); the same problem found in the source is a warning (the migration cannot
 * be blamed for it, but the user should know).
 */
final class Findings {

    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    void error(String message) {
        errors.add(message);
    }

    void warning(String message) {
        warnings.add(message);
    }

    /** An error when {@code inTarget}, else a warning, prefixed with the side. */
    void problem(boolean inTarget, String message) {
        if (inTarget) {
            errors.add("target: " + message);
        } else {
            warnings.add("source: " + message);
        }
    }
}
