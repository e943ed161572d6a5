package dev.migrate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.config.MigrateConfig.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateConfigTest {

    /** Other test classes register secrets (the test server's password may be "postgres"). */
    @org.junit.jupiter.api.BeforeEach
    void forgetOtherTestsSecrets() {
        Redactor.clearSecretsForTests();
    }

    @TempDir
    Path dir;

    private Path workDir() throws Exception {
        return Files.createDirectories(dir.resolve("work"));
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Path file(Path where, String content) throws Exception {
        Files.createDirectories(where.getParent());
        Files.writeString(where, content);
        Files.setPosixFilePermissions(where, PosixFilePermissions.fromString("rw-------"));
        return where;
    }

    @Test
    void defaultsApplyWhenNothingElseIsSet() throws Exception {
        MigrateConfig c = MigrateConfig.resolve(Map.of(), env(), Optional.empty(), workDir());
        assertThat(c.exportDir()).isEqualTo(Path.of("migration_data"));
        assertThat(c.usersTable()).isEqualTo("users");
        assertThat(c.ownerColumn()).isEqualTo("user_id");
        assertThat(c.get(ConfigKey.SCHEMA)).contains("public");
        assertThat(c.userEmail()).isEmpty();
        assertThat(c.flag(ConfigKey.NO_BACKUP)).isFalse();
        assertThat(c.configFile()).isEmpty();
        assertThat(c.origin(ConfigKey.EXPORT_DIR)).contains(Origin.DEFAULT);
        assertThat(c.describeOrigin(ConfigKey.USER_EMAIL)).isEqualTo("unset");
        assertThat(MigrateConfig.defaults().exportDir()).isEqualTo(Path.of("migration_data"));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path config = file(dir.resolve("c.properties"), """
                export_dir=/from/file
                user_email=file@example.com
                sqlite_path=/from/file.db
                owner_column=tenant_id
                """);
        Map<String, String> env = env("MIGRATE_EXPORT_DIR", "/from/env", "MIGRATION_USER_EMAIL", "env@example.com");
        Map<String, String> flags = new HashMap<>();
        flags.put("--export-dir", "/from/flag");
        flags.put("user_email", null); // a flag that was not given
        MigrateConfig c = MigrateConfig.resolve(flags, env, Optional.of(config), workDir());
        assertThat(c.exportDir()).isEqualTo(Path.of("/from/flag"));
        assertThat(c.origin(ConfigKey.EXPORT_DIR)).contains(Origin.FLAG);
        assertThat(c.describeOrigin(ConfigKey.EXPORT_DIR)).isEqualTo("flag --export-dir");
        assertThat(c.userEmail()).contains("env@example.com");
        assertThat(c.describeOrigin(ConfigKey.USER_EMAIL)).isEqualTo("environment MIGRATION_USER_EMAIL");
        assertThat(c.sqlitePath()).contains(Path.of("/from/file.db"));
        assertThat(c.describeOrigin(ConfigKey.SQLITE_PATH)).isEqualTo("config file " + config);
        assertThat(c.ownerColumn()).isEqualTo("tenant_id");
        assertThat(c.usersTable()).isEqualTo("users");
        assertThat(c.configFile()).contains(config);
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() throws Exception {
        MigrateConfig c = MigrateConfig.resolve(
                Map.of(), env("MIGRATE_EXPORT_DIR", "  ", "MIGRATION_USER_EMAIL", ""), Optional.empty(), workDir());
        assertThat(c.exportDir()).isEqualTo(Path.of("migration_data"));
        assertThat(c.userEmail()).isEmpty();
    }

    @Test
    void findsTheConfigFileInOrder() throws Exception {
        Path work = workDir();
        Path home = dir.resolve("home");
        Path userFile = file(home.resolve(".config/migrate/config.properties"), "users_table=home_users\n");
        assertThat(MigrateConfig.resolve(Map.of(), env(), Optional.empty(), work)
                        .configFile())
                .contains(userFile);
        Path xdgFile = file(dir.resolve("xdg/migrate/config.properties"), "users_table=xdg_users\n");
        assertThat(MigrateConfig.resolve(
                                Map.of(),
                                env("XDG_CONFIG_HOME", dir.resolve("xdg").toString()),
                                Optional.empty(),
                                work)
                        .usersTable())
                .isEqualTo("xdg_users");
        Path local = file(work.resolve("migrate.properties"), "users_table=local_users\n");
        assertThat(MigrateConfig.resolve(Map.of(), env(), Optional.empty(), work)
                        .configFile())
                .contains(local);
        Path fromEnv = file(dir.resolve("env.properties"), "users_table=env_users\n");
        assertThat(MigrateConfig.resolve(Map.of(), env("MIGRATE_CONFIG", fromEnv.toString()), Optional.empty(), work)
                        .usersTable())
                .isEqualTo("env_users");
        Path fromFlag = file(dir.resolve("flag.properties"), "users_table=flag_users\n");
        assertThat(MigrateConfig.resolve(
                                Map.of(), env("MIGRATE_CONFIG", fromEnv.toString()), Optional.of(fromFlag), work)
                        .usersTable())
                .isEqualTo("flag_users");
        assertThat(userFile).exists();
        assertThat(xdgFile).exists();
    }

    @Test
    void aNamedConfigFileMustExist() throws Exception {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> MigrateConfig.resolve(Map.of(), env(), Optional.of(missing), workDir()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("config file " + missing + " (from --config) does not exist");
        assertThatThrownBy(() -> MigrateConfig.resolve(
                        Map.of(), env("MIGRATE_CONFIG", missing.toString()), Optional.empty(), workDir()))
                .hasMessageContaining("(from MIGRATE_CONFIG) does not exist");
    }

    @Test
    void refusesUnknownKeysSoTyposAreCaught() throws Exception {
        Path config = file(dir.resolve("c.properties"), "exprot_dir=/x\n");
        assertThatThrownBy(() -> MigrateConfig.resolve(Map.of(), env(), Optional.of(config), workDir()))
                .hasMessageStartingWith(
                        "config file " + config + ": unknown key \"exprot_dir\" (known keys: from, to,");
        Path dashed = file(dir.resolve("d.properties"), "export-dir=/x\n");
        assertThatThrownBy(() -> MigrateConfig.resolve(Map.of(), env(), Optional.of(dashed), workDir()))
                .hasMessageContaining("unknown key \"export-dir\"");
        assertThatThrownBy(() -> MigrateConfig.resolve(Map.of("--nope", "x"), env(), Optional.empty(), workDir()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileHoldingAPasswordMustBeOwnerOnly() throws Exception {
        Path config = file(dir.resolve("c.properties"), "from=postgresql://app:FileSecret1@db/prod\n");
        MigrateConfig ok = MigrateConfig.resolve(Map.of(), env(), Optional.of(config), workDir());
        assertThat(ok.from()).contains("postgresql://app:FileSecret1@db/prod");
        assertThat(ok.toString()).doesNotContain("FileSecret1");
        assertThat(ok.describe()).contains("from = postgresql://app:***@db/prod (config file " + config + ")");

        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MigrateConfig.resolve(Map.of(), env(), Optional.of(config), workDir()))
                .isInstanceOf(MigrateException.class)
                .hasMessage("config file " + config + " holds a password but other users can read it: run chmod 600 "
                        + config + ", or keep the password in PGPASSWORD or ~/.pgpass instead")
                .hasMessageNotContaining("FileSecret1");

        // without a password the same permissions are fine
        Path plain = file(dir.resolve("p.properties"), "from=postgresql://app@db/prod\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(MigrateConfig.resolve(Map.of(), env(), Optional.of(plain), workDir())
                        .from())
                .contains("postgresql://app@db/prod");
    }

    @Test
    void readsBooleansAndUtf8() throws Exception {
        Path config = file(dir.resolve("c.properties"), "no_backup=yes\nuser_email=jürgen@example.com\n");
        MigrateConfig c = MigrateConfig.resolve(Map.of(), env(), Optional.of(config), workDir());
        assertThat(c.flag(ConfigKey.NO_BACKUP)).isTrue();
        assertThat(c.userEmail()).contains("jürgen@example.com");
        assertThat(MigrateConfig.resolve(Map.of("no-backup", "0"), env(), Optional.of(config), workDir())
                        .flag(ConfigKey.NO_BACKUP))
                .isFalse();
        assertThatThrownBy(() -> MigrateConfig.resolve(
                        Map.of(), env("MIGRATE_NO_BACKUP", "perhaps"), Optional.empty(), workDir()))
                .hasMessage("no_backup (from environment MIGRATE_NO_BACKUP) must be true or false, not \"perhaps\"");
    }

    @Test
    void keysKnowTheirSpellings() {
        assertThat(ConfigKey.byName("--export-dir")).contains(ConfigKey.EXPORT_DIR);
        assertThat(ConfigKey.byName("EXPORT_DIR")).contains(ConfigKey.EXPORT_DIR);
        assertThat(ConfigKey.USER_EMAIL.environmentVariable()).isEqualTo("MIGRATION_USER_EMAIL");
        assertThat(ConfigKey.USER_EMAIL.flag()).isEqualTo("--user-email");
    }
}
