package dev.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void runsARealServerOfTheConfiguredVersionAndLoadsScripts() throws Exception {
        String expected = System.getProperty("migrate.pg.version", "17");
        assertThat(db.server().majorVersion()).isEqualTo(Integer.parseInt(expected));
        try (Connection c = db.connect()) {
            SqlScript.run(c, """
                    -- a comment; with a semicolon
                    \\set ON_ERROR_STOP on
                    create table t (id int primary key, body text);
                    create function f() returns int language sql as $$ select 1; $$;
                    COPY t (id, body) FROM stdin;
                    1\thello; world
                    2\t'quoted'
                    \\.
                    insert into t values (3, 'it''s; fine');
                    """);
            try (ResultSet rs =
                    c.createStatement().executeQuery("select string_agg(body, '|' order by id), f() from t")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("hello; world|'quoted'|it's; fine");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }
}
