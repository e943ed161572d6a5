package dev.migrate.core.staging;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the export came from. Never a password, never a URL.
 *
 * @param dialect {@code postgresql} or {@code sqlite}
 * @param serverVersion the server version ({@code 17.2}) or the SQLite library version
 * @param database the database name, or the SQLite file's name (not its full path)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceInfo(String dialect, String serverVersion, String database) {}
