package dev.migrate.core.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big tables stream: the writer holds one row plus Jackson's fixed buffers, the reader one row
 * plus the parser's buffer, and verification hashes and parses in one streaming pass. No test
 * here measures time.
 */
class LargeTableTest {

    @TempDir
    Path tmp;

    @Test
    void twoHundredThousandRowsRoundTripWithEveryValueChecked() throws IOException {
        long bytes = LargeTables.writeAndCheck(tmp.resolve("s"), 200_000);

        assertThat(bytes).isEqualTo(Files.size(tmp.resolve("s/events.json")));
        List<String> head;
        try (var lines = Files.lines(tmp.resolve("s/events.json"), StandardCharsets.UTF_8)) {
            head = lines.limit(3).toList();
        }
        assertThat(head.get(0)).isEqualTo("[");
        assertThat(head.get(1))
                .isEqualTo("{\"id\":0,\"name\":\"name 0 \\\"quoted\\\" é😀\",\"amount\":\"0.00\","
                        + "\"at\":\"2024-01-01 00:00:00.000001+05:30\",\"ok\":null,\"score\":-0.0,"
                        + "\"blob\":\"AAAA/w==\",\"tags\":null,\"doc\":\"{\\\"i\\\":0,\\\"s\\\":[true,null]}\"},");
    }

    /**
     * One million rows (a table file several times larger than the heap) written, verified and
     * read back in a child JVM limited to 48 MB of heap: it can only succeed if nothing holds the
     * table in memory. Run with {@code mvn -Pheavy verify}.
     */
    @Test
    @EnabledIfSystemProperty(named = "migrate.heavy", matches = "true")
    void oneMillionRowsStreamInAFortyEightMegabyteHeap() throws IOException, InterruptedException {
        Path dir = tmp.resolve("s");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-Xmx48m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeTables.class.getName(),
                        dir.toString(),
                        "1000000")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        String[] ok = output.strip().split("\n");
        String[] fields = ok[ok.length - 1].split(" ");
        assertThat(fields[0]).as(output).isEqualTo("ok");
        assertThat(fields[1]).isEqualTo("1000000");
        long fileBytes = Long.parseLong(fields[2]);
        long maxHeap = Long.parseLong(fields[3]);
        assertThat(fileBytes).as("the table file is much larger than the heap").isGreaterThan(3 * maxHeap);
    }
}
