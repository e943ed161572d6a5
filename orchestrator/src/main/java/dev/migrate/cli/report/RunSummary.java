package dev.migrate.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run did, step by step, and how it ended.
 *
 * @param command the command that ran, e.g. {@code migrate} or {@code import-sqlite}
 * @param steps the steps in the order they ran
 * @param validationStatus {@code PASS} or {@code FAIL} when validation ran, else null
 * @param files what the run produced, e.g. {@code staging directory -> migration_data}
 */
public record RunSummary(String command, List<StepReport> steps, String validationStatus, List<String> files) {

    public RunSummary {
        Objects.requireNonNull(command, "command");
        steps = List.copyOf(steps);
        files = List.copyOf(files);
    }

    /** A run of one step, with what it produced. */
    public static RunSummary of(String command, StepReport step) {
        return new RunSummary(command, List.of(), null, List.of()).plusWithFiles(step);
    }

    /** This summary with one more step. */
    public RunSummary plus(StepReport step) {
        List<StepReport> all = new ArrayList<>(steps);
        all.add(step);
        return new RunSummary(command, all, validationStatus, files);
    }

    /** This summary with one more step and what that step produced ({@link StepReport#files()}). */
    public RunSummary plusWithFiles(StepReport step) {
        RunSummary out = plus(step);
        for (String file : step.files()) {
            out = out.withFile(file);
        }
        return out;
    }

    /** This summary with the validation outcome. */
    public RunSummary withValidation(String status) {
        return new RunSummary(command, steps, status, files);
    }

    /** This summary with one more produced file or directory, e.g. {@code "SQLite file: a.db"}. */
    public RunSummary withFile(String line) {
        List<String> all = new ArrayList<>(files);
        all.add(line);
        return new RunSummary(command, steps, validationStatus, all);
    }

    /** Wall-clock time of all steps. */
    public double seconds() {
        return steps.stream().mapToDouble(StepReport::seconds).sum();
    }
}
