package dev.migrate.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings as one source gives them: every field may be missing (null) and is then
 * taken from the next source. {@code params} holds further driver parameters in pgjdbc spelling.
 */
record PartialSettings(
        String host,
        Integer port,
        String database,
        String user,
        String password,
        String sslmode,
        Map<String, String> params,
        String origin) {

    PartialSettings {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static PartialSettings empty(String origin) {
        return new PartialSettings(null, null, null, null, null, null, Map.of(), origin);
    }

    @Override
    public String toString() {
        // Never show the password, even in a debugger's or a test failure's output.
        return "PartialSettings[" + user + "@" + host + ":" + port + "/" + database + ", password="
                + (password == null ? "none" : Redactor.MASK) + ", origin=" + origin + "]";
    }
}
