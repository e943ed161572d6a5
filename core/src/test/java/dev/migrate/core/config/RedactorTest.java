package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RedactorTest {

    /** Other test classes register secrets (the test server's password may be "postgres"). */
    @org.junit.jupiter.api.BeforeEach
    void forgetOtherTestsSecrets() {
        Redactor.clearSecretsForTests();
    }

    @Test
    void removesPasswordsFromEveryPostgresUrlForm() {
        assertThat(Redactor.redact("postgresql://app:s3cret@db.example.com:5432/prod"))
                .isEqualTo("postgresql://app:***@db.example.com:5432/prod");
        assertThat(Redactor.redact("postgres://app:s3cret@db/prod")).isEqualTo("postgres://app:***@db/prod");
        assertThat(Redactor.redact("jdbc:postgresql://app:s3cret@db/prod"))
                .isEqualTo("jdbc:postgresql://app:***@db/prod");
        assertThat(Redactor.redact("POSTGRESQL://app:s3cret@db/prod")).isEqualTo("POSTGRESQL://app:***@db/prod");
        assertThat(Redactor.redact("cannot connect to postgresql://app:s3cret@db/prod: refused"))
                .isEqualTo("cannot connect to postgresql://app:***@db/prod: refused");
        assertThat(Redactor.redact("'postgresql://app:s3cret@db/prod'")).isEqualTo("'postgresql://app:***@db/prod'");
    }

    @Test
    void coversRawSpecialCharactersInsidePasswords() {
        assertThat(Redactor.redact("postgresql://app:p@ss/w?rd@db:5432/prod?sslmode=require"))
                .isEqualTo("postgresql://app:***@db:5432/prod?sslmode=require");
        assertThat(Redactor.redact("postgresql://app:p%40ss@[::1]:5432/prod"))
                .isEqualTo("postgresql://app:***@[::1]:5432/prod");
        assertThat(Redactor.redact("postgresql://app:@db/prod")).isEqualTo("postgresql://app:***@db/prod");
        // an '@' in a query value: over-redacted rather than risk showing part of a password
        assertThat(Redactor.redact("postgresql://app:pw12@db/prod?application_name=a@b"))
                .isEqualTo("postgresql://app:***@b");
        assertThat(Redactor.redact("postgresql+psycopg2://app:s3cret@db/prod"))
                .isEqualTo("postgresql+psycopg2://app:***@db/prod");
    }

    @Test
    void removesPasswordParameters() {
        assertThat(Redactor.redact("jdbc:postgresql://db/prod?user=app&password=s3cret&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/prod?user=app&password=***&sslmode=require");
        assertThat(Redactor.redact("postgresql://db/prod?password=s3cret"))
                .isEqualTo("postgresql://db/prod?password=***");
        assertThat(Redactor.redact("host=db password=s3cret dbname=prod"))
                .isEqualTo("host=db password=*** dbname=prod");
        assertThat(Redactor.redact("host=db password='s3 cret' dbname=prod"))
                .isEqualTo("host=db password=*** dbname=prod");
        assertThat(Redactor.redact("PGPASSWORD=s3cret bin/migrate")).isEqualTo("PGPASSWORD=*** bin/migrate");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        for (String text : List.of(
                "postgresql://app@db:5432/prod",
                "postgresql://db:5432/prod",
                "jdbc:postgresql://localhost/prod?sslmode=require",
                "password authentication failed for user \"app\"",
                "sqlite:///app.db",
                "")) {
            assertThat(Redactor.redact(text)).isEqualTo(text);
        }
        assertThat(Redactor.redact(null)).isNull();
    }

    @Test
    void scrubsRegisteredSecretsInAnySpelling() {
        Redactor.registerSecret("Tr0ub4dor&3 x@y");
        assertThat(Redactor.redact("FATAL: role said Tr0ub4dor&3 x@y twice: Tr0ub4dor&3 x@y"))
                .isEqualTo("FATAL: role said *** twice: ***");
        // the URL-encoded form, as it would appear in a URL someone echoed
        assertThat(Redactor.redact("url had Tr0ub4dor%263+x%40y and Tr0ub4dor%263%20x%40y"))
                .isEqualTo("url had *** and ***");
        Redactor.registerSecret("abc".toCharArray()); // too short to scrub as free text
        assertThat(Redactor.redact("abcdef")).isEqualTo("abcdef");
    }

    @Test
    void tellsWhetherTextHoldsAPasswordByItsShape() {
        Redactor.registerSecret("registered-but-not-a-shape");
        assertThat(Redactor.containsPassword("postgresql://u:pw@h/db")).isTrue();
        assertThat(Redactor.containsPassword("jdbc:postgresql://h/db?password=x"))
                .isTrue();
        assertThat(Redactor.containsPassword("postgresql://u@h/db")).isFalse();
        assertThat(Redactor.containsPassword("registered-but-not-a-shape")).isFalse();
        assertThat(Redactor.containsPassword(null)).isFalse();
    }

    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    String secret = "concurrent-secret-" + n;
                    Redactor.registerSecret(secret);
                    return Redactor.redact("value " + secret + " end");
                }));
            }
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("value *** end");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void redactsExceptionMessages() {
        Redactor.registerSecret("exception-secret");
        assertThat(Redactor.redactedMessage(new IllegalStateException("bad exception-secret")))
                .isEqualTo("bad ***");
        assertThat(Redactor.redactedMessage(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
