package dev.migrate.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.core.MigrateException;
import dev.migrate.core.config.Redactor;
import dev.migrate.core.report.RunStats;
import dev.migrate.core.report.TableStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link RunSummary} as JSON ({@code --summary FILE}), with the same figures as {@link
 * SummaryTable}; keys are snake_case like {@code validation_report.json}'s.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    /** The summary as a JSON tree. */
    public static ObjectNode toJson(RunSummary summary) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", summary.command());
        if (summary.validationStatus() != null) {
            root.put("validation_status", summary.validationStatus());
        }
        root.put("seconds", round(summary.seconds()));
        ArrayNode steps = root.putArray("steps");
        long rows = 0;
        for (StepReport step : summary.steps()) {
            RunStats stats = step.stats();
            ObjectNode s = steps.addObject();
            s.put("step", step.step());
            s.put("description", Redactor.redact(step.description()));
            s.put("seconds", round(step.seconds()));
            s.put("rows", stats.totalRows());
            s.put("bytes", stats.totalBytes());
            ArrayNode phases = s.putArray("phases");
            for (RunStats.Phase p : stats.phases()) {
                phases.addObject().put("name", p.name()).put("seconds", round(p.seconds()));
            }
            ArrayNode tables = s.putArray("tables");
            for (TableStats t : stats.tables()) {
                ObjectNode tn = tables.addObject();
                tn.put("table", t.table());
                tn.put("rows", t.rows());
                tn.put("bytes", t.bytes());
                tn.put("seconds", round(t.seconds()));
                ArrayNode notes = tn.putArray("notes");
                t.notes().forEach(notes::add);
            }
            ArrayNode warnings = s.putArray("warnings");
            stats.warnings().forEach(warnings::add);
            rows += stats.totalRows();
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("steps", summary.steps().size());
        totals.put("rows", rows);
        totals.put("seconds", round(summary.seconds()));
        ArrayNode files = root.putArray("files");
        summary.files().forEach(f -> files.add(Redactor.redact(f)));
        return root;
    }

    /** Writes the summary to {@code file} (replacing it). */
    public static void write(RunSummary summary, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), toJson(summary));
        } catch (IOException e) {
            throw MigrateException.runtime("cannot write the summary " + file + ": " + e.getMessage(), e);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
