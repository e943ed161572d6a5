package dev.migrate.importsqlite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Another program using the target: opens it (in WAL mode when asked), reads it once, prints
 * {@code ready} and keeps the connection open until its standard input closes.
 *
 * <p>Arguments: database file, {@code wal} or {@code rollback}.
 */
public final class HoldOpen {

    private HoldOpen() {}

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
                Statement st = c.createStatement()) {
            if (args[1].equals("wal")) {
                st.execute("PRAGMA journal_mode = WAL");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rs.next();
            }
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        } catch (IOException e) {
            // stdin closed
        }
    }
}
