package dev.migrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchSizeTest {

    @Test
    void narrowRowsKeepTheConfiguredSize() {
        // 100 bytes a row: 10,485 rows would fit 1 MiB, more than asked for.
        assertThat(FetchSize.rows(20_000, 2_000_000, 5000)).isEqualTo(5000);
    }

    @Test
    void wideRowsAreFetchedAboutOneMebibyteAtATime() {
        // 4,096 bytes a row: 256 rows make 1 MiB.
        assertThat(FetchSize.rows(2_000, 8_192_000, 5000)).isEqualTo(256);
    }

    @Test
    void hugeRowsStillFetchTen() {
        assertThat(FetchSize.rows(10, 100L << 20, 5000)).isEqualTo(10);
    }

    @Test
    void aTableNeverAnalysedGetsACautiousThousandWhenBigAndTheConfiguredSizeWhenSmall() {
        assertThat(FetchSize.rows(-1, 64L << 20, 5000)).isEqualTo(1000);
        assertThat(FetchSize.rows(0, 64L << 20, 500)).isEqualTo(500);
        assertThat(FetchSize.rows(-1, 8192, 5000)).isEqualTo(5000);
    }
}
