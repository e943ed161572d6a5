package dev.migrate.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressLabelTest {

    @Test
    void aTableNameWithALineBreakDoesNotSplitTheBar() {
        assertThat(Progress.label("importing", "we\"ird. na\nme")).isEqualTo("importing \"we\"ird. na\\nme\"");
    }
}
