package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL side fetches fewer rows at a time when rows are wide, so that one fetch stays
 * near {@link dev.migrate.core.sql.FetchSize#TARGET_BYTES} and is not promoted into the old generation.
 */
class PostgresFetchSizeTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void wideRowsAreFetchedFewerAtATimeNarrowOnesAndUnanalysedSmallTablesAtTheDefault() throws Exception {
        String database = db.createDatabase("fetch");
        try (Connection c = db.connect(database);
                Statement st = c.createStatement()) {
            st.execute("create table narrow (id int primary key, n int)");
            st.execute("insert into narrow select g, g from generate_series(1, 20000) g");
            st.execute("create table wide (id int primary key, body text)");
            // ~4 KB per row, stored uncompressed (random md5 text barely compresses anyway).
            st.execute("alter table wide alter column body set storage external");
            st.execute("insert into wide select g, (select string_agg(md5(g::text || i::text), '')"
                    + " from generate_series(1, 128) i) from generate_series(1, 2000) g");
            st.execute("create table fresh (id int)");
            st.execute("analyze narrow");
            st.execute("analyze wide");
        }
        try (PostgresSide side = new PostgresSide(Fixtures.postgres(db, database))) {
            assertThat(side.fetchSize("narrow")).isEqualTo(PostgresSide.FETCH_SIZE);
            int wide = side.fetchSize("wide");
            // 1 MiB over ~4 KB a row: a few hundred rows, far below the default.
            assertThat(wide).isBetween(100, 400);
            assertThat(side.fetchSize("fresh")).isEqualTo(PostgresSide.FETCH_SIZE);
        }
    }
}
