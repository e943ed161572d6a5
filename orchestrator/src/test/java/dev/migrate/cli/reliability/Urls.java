package dev.migrate.cli.reliability;

import dev.migrate.testing.PostgresDatabase;

/**
 * What these tests pass to {@code --from}/{@code --to} for the test server. The embedded server
 * trusts local connections, so the URL carries no password: resolving {@code postgres:postgres@}
 * would register "postgres" with the JVM-wide {@code Redactor}, which then masks it inside every
 * later "postgresql://" of every other test class in this JVM. An external server
 * ({@code MIGRATE_TEST_PG_URL}) gets its password as before.
 */
final class Urls {

    private Urls() {}

    static String of(PostgresDatabase db) {
        return of(db, db.name());
    }

    static String of(PostgresDatabase db, String database) {
        if (System.getenv("MIGRATE_TEST_PG_URL") != null) {
            return db.uri(database);
        }
        return "postgresql://" + db.server().user() + "@" + db.server().host() + ":"
                + db.server().port() + "/" + database;
    }
}
