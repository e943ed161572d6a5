package dev.migrate.importsqlite;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.staging.TenantFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema snapshot export-postgres records for {@code schema_design/postgres/multi_user_schema.sql}
 * (format_type texts, pg_get_expr defaults, pg_get_indexdef definitions), written out by hand so
 * this module's tests do not depend on export-postgres.
 */
final class ReferenceSchema {

    static final String ALICE = "10100000-0000-4000-8000-000000000001";

    private ReferenceSchema() {}

    private static ColumnSchema c(String name, String formatType, boolean nullable, String dflt) {
        String enumName = formatType.equals("chart_type") ? "chart_type" : null;
        int dims = formatType.endsWith("[]") ? 1 : 0;
        return new ColumnSchema(
                name,
                formatType,
                TypeMappings.fromPostgres(formatType, enumName, dims),
                nullable,
                dflt,
                null,
                null,
                null);
    }

    private static ColumnSchema id(String name, String formatType, String kind, long last, String dflt) {
        return new ColumnSchema(
                name,
                formatType,
                TypeMappings.fromPostgres(formatType, null, 0),
                false,
                dflt,
                null,
                new Identity(kind, name + "_seq", last),
                null);
    }

    private static ForeignKey fk(String name, List<String> cols, String table, List<String> refs, String onDelete) {
        return new ForeignKey(name, cols, table, refs, onDelete, "NO ACTION", null);
    }

    private static IndexSchema idx(String table, String name, String... cols) {
        return new IndexSchema(
                name,
                false,
                List.of(cols),
                "CREATE INDEX " + name + " ON public." + table + " USING btree (" + String.join(", ", cols) + ")",
                null,
                true);
    }

    private static TableSchema t(
            String name,
            List<ColumnSchema> cols,
            List<String> pk,
            List<ForeignKey> fks,
            List<UniqueConstraint> uniques,
            List<IndexSchema> indexes,
            List<String> checks) {
        return new TableSchema(name, "public", cols, pk, fks, uniques, indexes, checks, null);
    }

    static final String NOW = "now()";
    static final String UUIDGEN = "gen_random_uuid()";
    static final String CASCADE = "CASCADE";
    static final String SET_NULL = "SET NULL";

    static List<TableSchema> tables() {
        List<TableSchema> out = new ArrayList<>();
        out.add(t(
                "users",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("email", "text", false, null),
                        c("password_hash", "text", false, null),
                        c("full_name", "text", true, null),
                        c("created_at", "timestamp with time zone", false, NOW),
                        c("is_active", "boolean", false, "true"),
                        c("locale", "character varying(16)", false, "'en-US'::character varying"),
                        c("country_code", "character(2)", true, null),
                        c("subscription_ends_at", "timestamp with time zone", true, null),
                        c("last_login_at", "timestamp with time zone", true, null)),
                List.of("id"),
                List.of(),
                List.of(new UniqueConstraint("users_email_key", List.of("email"))),
                List.of(),
                List.of("CHECK ((email ~~ '%_@_%'::text))")));
        out.add(t(
                "user_preferences",
                List.of(
                        c("user_id", "uuid", false, null),
                        c("house_system", "character varying(32)", false, "'placidus'::character varying"),
                        c("zodiac", "character varying(16)", false, "'tropical'::character varying"),
                        c("default_chart_type", "chart_type", false, "'natal'::chart_type"),
                        c("orb_settings", "jsonb", false, "'{}'::jsonb"),
                        c("theme", "text", true, null),
                        c("digest_time", "time with time zone", true, null),
                        c("week_starts_on", "smallint", false, "1"),
                        c("updated_at", "timestamp with time zone", false, NOW)),
                List.of("user_id"),
                List.of(fk("user_preferences_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE)),
                List.of(),
                List.of(),
                List.of("CHECK (((zodiac)::text = ANY ((ARRAY['tropical'::character varying, 'sidereal'::character"
                        + " varying])::text[])))")));
        out.add(t(
                "location_cache",
                List.of(
                        id("id", "bigint", "identity_by_default", 7, null),
                        c("query", "text", false, null),
                        c("display_name", "text", true, null),
                        c("latitude", "numeric(9,6)", false, null),
                        c("longitude", "numeric(9,6)", false, null),
                        c("country_code", "character(2)", true, null),
                        c("timezone_name", "character varying(64)", true, null),
                        c("population", "bigint", true, null),
                        c("elevation_m", "smallint", true, null),
                        c("provider_response", "jsonb", true, null),
                        c("fetched_at", "timestamp with time zone", false, NOW),
                        c("hit_count", "integer", false, "0")),
                List.of("id"),
                List.of(),
                List.of(new UniqueConstraint("location_cache_query_key", List.of("query"))),
                List.of(),
                List.of("CHECK (((latitude >= ('-90'::integer)::numeric) AND (latitude <= (90)::numeric)))")));
        out.add(t(
                "clients",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("user_id", "uuid", false, null),
                        c("first_name", "text", false, null),
                        c("last_name", "text", true, null),
                        c("email", "text", true, null),
                        c("phone", "character varying(32)", true, null),
                        c("notes", "text", true, null),
                        c("tags", "text[]", true, null),
                        c("session_fee", "numeric(12,2)", true, null),
                        c("is_archived", "boolean", false, "false"),
                        c("created_at", "timestamp with time zone", false, NOW),
                        c("updated_at", "timestamp with time zone", true, null)),
                List.of("id"),
                List.of(fk("clients_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE)),
                List.of(new UniqueConstraint("clients_user_id_email_key", List.of("user_id", "email"))),
                List.of(
                        idx("clients", "clients_user_id_idx", "user_id"),
                        new IndexSchema(
                                "clients_lower_email_idx",
                                false,
                                List.of(),
                                "CREATE INDEX clients_lower_email_idx ON public.clients USING btree (lower(email))",
                                null,
                                false)),
                List.of("CHECK ((session_fee >= (0)::numeric))")));
        out.add(t(
                "birth_data",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("client_id", "uuid", false, null),
                        c("birth_date", "date", false, null),
                        c("birth_time", "time without time zone", true, null),
                        c("birth_local", "timestamp without time zone", true, null),
                        c("utc_offset", "interval", true, null),
                        c("birth_instant", "timestamp with time zone", true, null),
                        c("time_known", "boolean", false, "true"),
                        c("latitude", "numeric(9,6)", false, null),
                        c("longitude", "numeric(9,6)", false, null),
                        c("place_name", "text", true, null),
                        c("country_code", "character(2)", true, null),
                        c("timezone_name", "character varying(64)", true, null),
                        c("rodden_rating", "character(2)", true, null),
                        c("location_cache_id", "bigint", true, null),
                        c("source_note", "text", true, null)),
                List.of("id"),
                List.of(
                        fk("birth_data_client_id_fkey", List.of("client_id"), "clients", List.of("id"), CASCADE),
                        fk(
                                "birth_data_location_cache_id_fkey",
                                List.of("location_cache_id"),
                                "location_cache",
                                List.of("id"),
                                SET_NULL)),
                List.of(),
                List.of(idx("birth_data", "birth_data_client_id_idx", "client_id")),
                List.of()));
        out.add(t(
                "charts",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("user_id", "uuid", false, null),
                        c("client_id", "uuid", true, null),
                        c("birth_data_id", "uuid", true, null),
                        c("chart_type", "chart_type", false, "'natal'::chart_type"),
                        c("name", "text", false, null),
                        c("house_system", "character varying(32)", true, null),
                        c("julian_day", "double precision", true, null),
                        c("ayanamsa_deg", "real", true, null),
                        c("planet_positions", "jsonb", true, null),
                        c("engine_output", "json", true, null),
                        c("thumbnail", "bytea", true, null),
                        c("is_favorite", "boolean", false, "false"),
                        c("calculated_at", "timestamp with time zone", false, NOW)),
                List.of("id"),
                List.of(
                        fk("charts_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE),
                        fk("charts_client_id_fkey", List.of("client_id"), "clients", List.of("id"), SET_NULL),
                        fk(
                                "charts_birth_data_id_fkey",
                                List.of("birth_data_id"),
                                "birth_data",
                                List.of("id"),
                                SET_NULL)),
                List.of(new UniqueConstraint("charts_id_user_id_key", List.of("id", "user_id"))),
                List.of(
                        idx("charts", "charts_user_id_idx", "user_id"),
                        idx("charts", "charts_client_id_idx", "client_id")),
                List.of()));
        out.add(t(
                "interpretations",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("user_id", "uuid", true, null),
                        c("category", "character varying(32)", false, null),
                        c("subject_key", "text", false, null),
                        c("lang", "character varying(8)", false, "'en'::character varying"),
                        c("title", "text", false, null),
                        c("body", "text", false, null),
                        c("metadata", "jsonb", true, null),
                        c("created_at", "timestamp with time zone", false, NOW)),
                List.of("id"),
                List.of(fk("interpretations_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE)),
                List.of(),
                List.of(
                        idx("interpretations", "interpretations_user_id_idx", "user_id"),
                        idx("interpretations", "interpretations_category_subject_key_idx", "category", "subject_key")),
                List.of()));
        out.add(t(
                "chart_interpretations",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("chart_id", "uuid", false, null),
                        c("interpretation_id", "uuid", true, null),
                        c("sort_order", "smallint", false, "0"),
                        c("custom_text", "text", true, null),
                        c("created_at", "timestamp with time zone", false, NOW)),
                List.of("id"),
                List.of(
                        fk(
                                "chart_interpretations_chart_id_fkey",
                                List.of("chart_id"),
                                "charts",
                                List.of("id"),
                                CASCADE),
                        fk(
                                "chart_interpretations_interpretation_id_fkey",
                                List.of("interpretation_id"),
                                "interpretations",
                                List.of("id"),
                                SET_NULL)),
                List.of(new UniqueConstraint(
                        "chart_interpretations_chart_id_sort_order_key", List.of("chart_id", "sort_order"))),
                List.of(),
                List.of()));
        out.add(t(
                "aspect_patterns",
                List.of(
                        c("id", "uuid", false, UUIDGEN),
                        c("user_id", "uuid", false, null),
                        c("chart_id", "uuid", false, null),
                        c("pattern_type", "character varying(32)", false, null),
                        c("bodies", "text[]", false, null),
                        c("house_numbers", "integer[]", true, null),
                        c("max_orb_deg", "double precision", true, null),
                        c("details", "jsonb", true, null),
                        c("detected_at", "timestamp with time zone", false, NOW)),
                List.of("id"),
                List.of(
                        fk("aspect_patterns_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE),
                        fk(
                                "aspect_patterns_chart_id_user_id_fkey",
                                List.of("chart_id", "user_id"),
                                "charts",
                                List.of("id", "user_id"),
                                CASCADE)),
                List.of(),
                List.of(idx("aspect_patterns", "aspect_patterns_chart_id_idx", "chart_id")),
                List.of()));
        out.add(t(
                "transit_events",
                List.of(
                        id("id", "integer", "serial", 9, "nextval('transit_events_id_seq'::regclass)"),
                        c("user_id", "uuid", false, null),
                        c("chart_id", "uuid", false, null),
                        c("transiting_body", "character varying(16)", false, null),
                        c("natal_body", "character varying(16)", false, null),
                        c("aspect", "character varying(16)", false, null),
                        c("orb_deg", "real", true, null),
                        c("exact_at", "timestamp with time zone", false, null),
                        c("influence_duration", "interval", true, null),
                        c("reminder_time", "time without time zone", true, null),
                        c("priority", "smallint", false, "3"),
                        c("is_active", "boolean", false, "true"),
                        c("note", "text", true, null)),
                List.of("id"),
                List.of(
                        fk("transit_events_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE),
                        fk("transit_events_chart_id_fkey", List.of("chart_id"), "charts", List.of("id"), CASCADE)),
                List.of(),
                List.of(
                        idx("transit_events", "transit_events_user_id_idx", "user_id"),
                        new IndexSchema(
                                "transit_events_active_exact_at_idx",
                                false,
                                List.of("exact_at"),
                                "CREATE INDEX transit_events_active_exact_at_idx ON public.transit_events USING btree"
                                        + " (exact_at) WHERE is_active",
                                "is_active",
                                false)),
                List.of("CHECK (((priority >= 1) AND (priority <= 5)))")));
        out.add(t(
                "session_notes",
                List.of(
                        id("id", "bigint", "identity_by_default", 9007199254740993L, null),
                        c("user_id", "uuid", false, null),
                        c("client_id", "uuid", false, null),
                        c("chart_id", "uuid", true, null),
                        c("session_date", "date", false, null),
                        c("started_at", "time without time zone", true, null),
                        c("duration", "interval", true, null),
                        c("title", "character varying(200)", true, null),
                        c("body", "text", true, null),
                        c("tags", "text[]", true, null),
                        c("fee", "numeric(12,2)", true, null),
                        c("is_paid", "boolean", false, "false"),
                        c("word_count", "integer", true, null),
                        c("attachments", "jsonb", true, null),
                        c("created_at", "timestamp with time zone", false, NOW)),
                List.of("id"),
                List.of(
                        fk("session_notes_user_id_fkey", List.of("user_id"), "users", List.of("id"), CASCADE),
                        fk("session_notes_client_id_fkey", List.of("client_id"), "clients", List.of("id"), CASCADE),
                        fk("session_notes_chart_id_fkey", List.of("chart_id"), "charts", List.of("id"), SET_NULL)),
                List.of(),
                List.of(
                        idx("session_notes", "session_notes_user_id_idx", "user_id"),
                        idx("session_notes", "session_notes_client_id_session_date_idx", "client_id", "session_date")),
                List.of("CHECK ((word_count >= 0))")));
        return out;
    }

    static TenantFilter aliceFilter(List<String> dangling) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("users", "user");
        scopes.put("user_preferences", "per_user");
        scopes.put("location_cache", "shared");
        for (String owned :
                List.of("clients", "charts", "interpretations", "aspect_patterns", "transit_events", "session_notes")) {
            scopes.put(owned, "owned");
        }
        scopes.put("birth_data", "via_fk");
        scopes.put("chart_interpretations", "via_fk");
        return new TenantFilter("alice@example.com", ALICE, "users", "id", "email", "user_id", scopes, dangling);
    }

    static TableSchema table(String name) {
        return tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
