package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.MigrateException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresConnectErrorTest {

    private static final String TARGET = "db.example.com:5432/app";

    @Test
    void aWrongPasswordNamesTheUserAndIsARuntimeFailure() {
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: password authentication failed for user \"bob\"", "28P01"),
                TARGET,
                "bob",
                "s3cret-pw");
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to PostgreSQL at db.example.com:5432/app:"
                        + " password authentication failed for user \"bob\"");
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
    }

    @Test
    void anUnknownDatabaseLosesTheDriversSeverityPrefix() {
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: database \"nope\" does not exist\n  Detail: x", "3D000"), TARGET, "bob", null);
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to PostgreSQL at db.example.com:5432/app: database \"nope\" does not exist");
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
    }

    @Test
    void aMissingPrivilegeIsARuntimeFailure() {
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: permission denied for database \"app\"", "42501"), TARGET, "bob", null);
        assertThat(e.getMessage()).endsWith(": permission denied: permission denied for database \"app\"");
        assertThat(e.kind()).isEqualTo(MigrateException.Kind.RUNTIME);
    }

    @Test
    void aRefusedConnectionSaysSo() {
        MigrateException e = PostgresConnectError.of(
                new SQLException(
                        "Connection to db.example.com:5432 refused. Check that...",
                        "08001",
                        new ConnectException("Connection refused")),
                TARGET,
                "bob",
                null);
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to PostgreSQL at db.example.com:5432/app: connection refused");
    }

    @Test
    void aShortPasswordDoesNotMangleTheMessage() {
        // Masking every "e" would spell the password out in the gaps (the Redactor's length rule).
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: password authentication failed for user \"app\"", "28P01"),
                TARGET,
                "app",
                "e");
        assertThat(e.getMessage())
                .isEqualTo("cannot connect to PostgreSQL at db.example.com:5432/app:"
                        + " password authentication failed for user \"app\"");
    }

    @Test
    void thePasswordIsMaskedEvenIfTheDriverEchoesIt() {
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: something about s3cret-pw\nmore", "XX000"), TARGET, "bob", "s3cret-pw");
        assertThat(e.getMessage())
                .doesNotContain("s3cret-pw")
                .doesNotContain("\n")
                .endsWith("something about ***");
    }

    @Test
    void aUserNameWithALineBreakStaysOneLine() {
        MigrateException e = PostgresConnectError.of(
                new SQLException("FATAL: password authentication failed", "28P01"), TARGET, "b\nob", null);
        assertThat(e.getMessage()).endsWith("for user \"b\\nob\"").doesNotContain("\n");
    }
}
