package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of one run, built once and immutable. Each {@link ConfigKey} takes the first value
 * found in, from strongest to weakest:
 *
 * <ol>
 *   <li>the command-line flags;
 *   <li>the environment ({@link ConfigKey#environmentVariable()}, e.g. {@code MIGRATE_EXPORT_DIR},
 *       {@code MIGRATION_USER_EMAIL});
 *   <li>the config file: {@code --config FILE}, else {@code $MIGRATE_CONFIG}, else {@code
 *       ./migrate.properties}, else {@code $XDG_CONFIG_HOME/migrate/config.properties} (default
 *       {@code ~/.config/migrate/config.properties}); Java properties format read as UTF-8, keys
 *       as in {@link ConfigKey#key()};
 *   <li>the built-in defaults.
 * </ol>
 *
 * A file named by {@code --config} or {@code $MIGRATE_CONFIG} must exist; the default locations
 * are used only when present. Blank values count as absent. A config file with an unknown key is
 * refused, and so is one that holds a password (a URL with {@code user:password@}, a {@code
 * password=} parameter) while group or others may read it.
 *
 * <p>PostgreSQL connection variables ({@code DATABASE_URL}, {@code POSTGRES_*}, {@code PG*}) are
 * not settings here: {@link PostgresTarget#resolve} reads them when no URL is given.
 */
public final class MigrateConfig {

    /** Where a value came from, for {@code --verbose} and {@code --dry-run}. */
    public enum Origin {
        FLAG,
        ENVIRONMENT,
        CONFIG_FILE,
        DEFAULT
    }

    private record Setting(String value, Origin origin) {}

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_READ =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final Map<ConfigKey, Setting> settings;
    private final Path configFile;

    private MigrateConfig(Map<ConfigKey, Setting> settings, Path configFile) {
        this.settings = Collections.unmodifiableMap(new EnumMap<>(settings));
        this.configFile = configFile;
    }

    /** Only the built-in defaults (tests, the demo). */
    public static MigrateConfig defaults() {
        return resolve(Map.of(), Map.of(), Optional.empty(), null);
    }

    /** Resolves with the real working directory and the environment given. */
    public static MigrateConfig resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> configFlag) {
        return resolve(flags, env, configFlag, Path.of("").toAbsolutePath());
    }

    /**
     * Builds the configuration.
     *
     * @param flags values given on the command line, keyed by any spelling {@link
     *     ConfigKey#byName} accepts; null values are ignored
     * @param env the environment
     * @param configFlag the {@code --config} file, if given
     * @param workingDirectory where {@code ./migrate.properties} is looked for; null to skip it
     *     and the home location (defaults only, unless a file is named)
     * @throws MigrateException (INPUT) for a missing named file, an unknown key, a bad boolean, or
     *     a password in a file others can read
     * @throws IllegalArgumentException for a flag name no key has (a programming error)
     */
    public static MigrateConfig resolve(
            Map<String, String> flags, Map<String, String> env, Optional<Path> configFlag, Path workingDirectory) {
        Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(v -> settings.put(key, new Setting(v, Origin.DEFAULT)));
        }

        Path file = locateConfigFile(env, configFlag, workingDirectory);
        if (file != null) {
            readConfigFile(file).forEach((key, value) -> settings.put(key, new Setting(value, Origin.CONFIG_FILE)));
        }
        for (ConfigKey key : ConfigKey.values()) {
            String value = env.get(key.environmentVariable());
            if (value != null && !value.isBlank()) {
                settings.put(key, new Setting(value.strip(), Origin.ENVIRONMENT));
            }
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            ConfigKey key = ConfigKey.byName(flag.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("no config key for flag " + flag.getKey()));
            if (flag.getValue() != null) {
                settings.put(key, new Setting(flag.getValue(), Origin.FLAG));
            }
        }
        MigrateConfig config = new MigrateConfig(settings, file);
        // Fail now, not half-way through a run, on a boolean nobody can read.
        config.flag(ConfigKey.NO_BACKUP);
        config.flag(ConfigKey.VERBOSE);
        return config;
    }

    private static Path locateConfigFile(Map<String, String> env, Optional<Path> configFlag, Path workingDirectory) {
        if (configFlag.isPresent()) {
            return requireExisting(configFlag.get(), "--config");
        }
        String fromEnv = env.get("MIGRATE_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return requireExisting(Path.of(fromEnv.strip()), "MIGRATE_CONFIG");
        }
        if (workingDirectory == null) {
            return null;
        }
        Path local = workingDirectory.resolve("migrate.properties");
        if (Files.isRegularFile(local)) {
            return local;
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : PgPass.homeDirectory(env).resolve(".config");
        Path user = configHome.resolve("migrate").resolve("config.properties");
        return Files.isRegularFile(user) ? user : null;
    }

    private static Path requireExisting(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw MigrateException.input("config file " + file + " (from " + origin + ") does not exist");
        }
        return file;
    }

    private static Map<ConfigKey, String> readConfigFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw MigrateException.input("config file " + file + " cannot be read: " + Redactor.redactedMessage(e));
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        boolean holdsSecret = false;
        for (String name : properties.stringPropertyNames().stream().sorted().toList()) {
            ConfigKey key = ConfigKey.byName(name)
                    .filter(k -> k.key().equals(name.strip().toLowerCase(Locale.ROOT)))
                    .orElseThrow(() -> MigrateException.input("config file " + file + ": unknown key \"" + name
                            + "\" (known keys: "
                            + Arrays.stream(ConfigKey.values())
                                    .map(ConfigKey::key)
                                    .collect(Collectors.joining(", "))
                            + ")"));
            String value = properties.getProperty(name).strip();
            if (!value.isEmpty()) {
                values.put(key, value);
                holdsSecret |= Redactor.containsPassword(value);
            }
        }
        if (holdsSecret) {
            requireOwnerOnly(file);
        }
        return values;
    }

    /** A file holding a password must not be readable by group or others (as ssh and libpq insist). */
    private static void requireOwnerOnly(Path file) {
        try {
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS_READ::contains)) {
                throw MigrateException.input("config file " + file
                        + " holds a password but other users can read it: run chmod 600 " + file
                        + ", or keep the password in PGPASSWORD or ~/.pgpass instead");
            }
        } catch (IOException e) {
            throw MigrateException.input("config file " + file + ": cannot check its permissions: " + e.getMessage());
        }
    }

    /** The value, if any source set it. */
    public Optional<String> get(ConfigKey key) {
        Setting s = settings.get(key);
        return s == null ? Optional.empty() : Optional.of(s.value());
    }

    /** Where the value came from; empty when unset. */
    public Optional<Origin> origin(ConfigKey key) {
        Setting s = settings.get(key);
        return s == null ? Optional.empty() : Optional.of(s.origin());
    }

    /** The value of a yes/no setting ({@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}). */
    public boolean flag(ConfigKey key) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default ->
                throw MigrateException.input(key.key() + " (from " + describeOrigin(key) + ") must be"
                        + " true or false, not \"" + Redactor.redact(value.get()) + "\"");
        };
    }

    /** The value as a path, if set. */
    public Optional<Path> path(ConfigKey key) {
        return get(key).map(Path::of);
    }

    /** Source location from {@code --from}, {@code MIGRATE_FROM} or the file. */
    public Optional<String> from() {
        return get(ConfigKey.FROM);
    }

    /** Target location from {@code --to}, {@code MIGRATE_TO} or the file. */
    public Optional<String> to() {
        return get(ConfigKey.TO);
    }

    /** The staging directory (default {@code migration_data}). */
    public Path exportDir() {
        return path(ConfigKey.EXPORT_DIR).orElseThrow();
    }

    /** The tenant's e-mail, if any. */
    public Optional<String> userEmail() {
        return get(ConfigKey.USER_EMAIL);
    }

    /** The single-user SQLite file, if configured. */
    public Optional<Path> sqlitePath() {
        return path(ConfigKey.SQLITE_PATH);
    }

    /** The backup directory, if configured. */
    public Optional<Path> backupDir() {
        return path(ConfigKey.BACKUP_DIR);
    }

    /** The users table (default {@code users}). */
    public String usersTable() {
        return get(ConfigKey.USERS_TABLE).orElseThrow();
    }

    /** The owner column (default {@code user_id}). */
    public String ownerColumn() {
        return get(ConfigKey.OWNER_COLUMN).orElseThrow();
    }

    /** The config file that was read, if any. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** e.g. {@code flag --export-dir}, {@code environment MIGRATE_EXPORT_DIR}, {@code config file x}, {@code default}. */
    public String describeOrigin(ConfigKey key) {
        return origin(key)
                .map(o -> switch (o) {
                    case FLAG -> "flag " + key.flag();
                    case ENVIRONMENT -> "environment " + key.environmentVariable();
                    case CONFIG_FILE -> "config file " + configFile;
                    case DEFAULT -> "default";
                })
                .orElse("unset");
    }

    /** One line per set key, {@code key = value (origin)}, secrets redacted: for {@code --verbose}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        settings.forEach((key, s) ->
                lines.add(key.key() + " = " + Redactor.redact(s.value()) + " (" + describeOrigin(key) + ")"));
        return lines;
    }

    @Override
    public String toString() {
        return "MigrateConfig" + describe();
    }
}
