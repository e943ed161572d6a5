package dev.migrate.cli;

import dev.migrate.cli.logging.LoggingSetup;
import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.MigrateConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a command's {@link MigrateConfig} (flags over environment over config file over
 * defaults) once, and applies the logging it asks for.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final Map<ConfigKey, String> flags = new LinkedHashMap<>();
    private final CliContext context;
    private final CommonOptions common;

    private Settings(CliContext context, CommonOptions common) {
        this.context = context;
        this.common = common;
    }

    /** Starts from the options every command has. */
    public static Settings of(CliContext context, CommonOptions common) {
        Settings s = new Settings(context, common);
        if (common.verbose()) {
            s.flag(ConfigKey.VERBOSE, "true");
        }
        s.flag(ConfigKey.LOG_FILE, common.logFile());
        return s;
    }

    /** A flag's value; null (not given) leaves the key to the environment, file and default. */
    public Settings flag(ConfigKey key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
        return this;
    }

    /** Adds what the mixins were given on the command line. */
    public Settings with(SettingsOptions... options) {
        for (SettingsOptions o : options) {
            o.applyTo(this);
        }
        return this;
    }

    /** A yes/no flag: only {@code true} counts as given (picocli's absent boolean is false). */
    public Settings flag(ConfigKey key, boolean given) {
        return given ? flag(key, "true") : this;
    }

    /** Resolves, logs where each setting came from (debug), and applies the logging settings. */
    public MigrateConfig resolve() {
        Map<String, String> byName = new LinkedHashMap<>();
        flags.forEach((k, v) -> byName.put(k.key(), v));
        MigrateConfig config = MigrateConfig.resolve(
                byName, context.env(), Optional.ofNullable(common.configFile()), context.workingDirectory());
        LoggingSetup.applyIfChanged(
                config.flag(ConfigKey.VERBOSE), config.path(ConfigKey.LOG_FILE).orElse(null));
        config.configFile().ifPresent(f -> LOG.debug("config file: {}", f));
        config.describe().forEach(line -> LOG.debug("setting {}", line));
        return config;
    }

    /** The working directory of the run, for resolving relative defaults. */
    public Path workingDirectory() {
        return context.workingDirectory();
    }
}
