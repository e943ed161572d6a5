-- =====================================================================
-- migrate reference schema: single-user SQLite (tenant mode)
--
-- What the importer is expected to produce from
-- postgres/multi_user_schema.sql for ONE user (see migration_mapping.md).
--
-- Declared-type convention (PostgreSQL -> SQLite):
--   smallint -> SMALLINT, integer -> INTEGER, bigint -> BIGINT
--   serial / identity integer primary key -> INTEGER PRIMARY KEY AUTOINCREMENT
--   numeric(p,s) -> DECIMAL TEXT(p,s)     (TEXT affinity, exact digits)
--   real -> FLOAT4, double precision -> FLOAT8
--   boolean -> BOOLEAN (0/1), text -> TEXT, varchar(n) -> VARCHAR(n), char(n) -> CHAR(n)
--   uuid -> UUID (lowercase text), json -> JSON TEXT, jsonb -> JSONB TEXT, bytea -> BLOB
--   date -> DATE, time -> TIME, timetz -> TIMETZ, timestamp -> TIMESTAMP,
--   timestamptz -> TIMESTAMPTZ, interval -> INTERVAL (ISO 8601 text)
--   T[] -> <decl of T> ARRAY (JSON array text), enum -> <NAME> ENUM TEXT + CHECK (col IN (labels))
--   anything else -> TEXT
--
-- Tenant collapse:
--   * every owner column user_id is dropped, and so is every FK to users
--   * users (the one exported user) -> singleton app_config. Its key becomes
--     id INTEGER PRIMARY KEY CHECK (id = 1) and the original users.id value is
--     kept in app_config.user_id (needed by tenant expansion)
--   * user_preferences -> singleton (id INTEGER PRIMARY KEY CHECK (id = 1))
--   * composite FK aspect_patterns (chart_id, user_id) -> charts (id, user_id)
--     becomes the single-column FK aspect_patterns (chart_id) -> charts (id)
--   * UNIQUE constraints lose their user_id part. charts UNIQUE (id, user_id)
--     reduces to UNIQUE (id), a duplicate of the primary key, so it is omitted
--   * indexes whose only column is user_id are dropped, other indexes kept
--     (expression and partial ones included)
--   * NOT NULL and portable defaults kept: now() -> CURRENT_TIMESTAMP,
--     true/false -> 1/0, literal defaults as literals. gen_random_uuid()
--     defaults are not portable and are dropped (ids are always supplied)
--   * CHECK constraints of the PostgreSQL schema are not reproduced (their
--     expressions are not reliably portable, e.g. numeric comparisons on a
--     DECIMAL TEXT column compare as text in SQLite). The only CHECKs here are
--     the enum label checks and the singleton checks.
--
-- Tables are created parents first so that the file also loads with
-- PRAGMA foreign_keys = ON.
-- =====================================================================

CREATE TABLE app_config (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    user_id              UUID        NOT NULL,
    email                TEXT        NOT NULL,
    password_hash        TEXT        NOT NULL,
    full_name            TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    is_active            BOOLEAN     NOT NULL DEFAULT 1,
    locale               VARCHAR(16) NOT NULL DEFAULT 'en-US',
    country_code         CHAR(2),
    subscription_ends_at TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ,
    CONSTRAINT app_config_email_key UNIQUE (email)
);

CREATE TABLE user_preferences (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    house_system       VARCHAR(32) NOT NULL DEFAULT 'placidus',
    zodiac             VARCHAR(16) NOT NULL DEFAULT 'tropical',
    default_chart_type CHART_TYPE ENUM TEXT NOT NULL DEFAULT 'natal'
        CHECK (default_chart_type IN ('natal', 'transit', 'synastry', 'composite', 'progressed')),
    orb_settings       JSONB TEXT  NOT NULL DEFAULT '{}',
    theme              TEXT,
    digest_time        TIMETZ,
    week_starts_on     SMALLINT    NOT NULL DEFAULT 1,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE location_cache (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    query             TEXT              NOT NULL,
    display_name      TEXT,
    latitude          DECIMAL TEXT(9,6) NOT NULL,
    longitude         DECIMAL TEXT(9,6) NOT NULL,
    country_code      CHAR(2),
    timezone_name     VARCHAR(64),
    population        BIGINT,
    elevation_m       SMALLINT,
    provider_response JSONB TEXT,
    fetched_at        TIMESTAMPTZ       NOT NULL DEFAULT CURRENT_TIMESTAMP,
    hit_count         INTEGER           NOT NULL DEFAULT 0,
    CONSTRAINT location_cache_query_key UNIQUE (query)
);

CREATE TABLE clients (
    id          UUID               NOT NULL PRIMARY KEY,
    first_name  TEXT               NOT NULL,
    last_name   TEXT,
    email       TEXT,
    phone       VARCHAR(32),
    notes       TEXT,
    tags        TEXT ARRAY,
    session_fee DECIMAL TEXT(12,2),
    is_archived BOOLEAN            NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMPTZ,
    CONSTRAINT clients_email_key UNIQUE (email)
);

CREATE INDEX clients_lower_email_idx ON clients (lower(email));

CREATE TABLE birth_data (
    id                UUID              NOT NULL PRIMARY KEY,
    client_id         UUID              NOT NULL,
    birth_date        DATE              NOT NULL,
    birth_time        TIME,
    birth_local       TIMESTAMP,
    utc_offset        INTERVAL,
    birth_instant     TIMESTAMPTZ,
    time_known        BOOLEAN           NOT NULL DEFAULT 1,
    latitude          DECIMAL TEXT(9,6) NOT NULL,
    longitude         DECIMAL TEXT(9,6) NOT NULL,
    place_name        TEXT,
    country_code      CHAR(2),
    timezone_name     VARCHAR(64),
    rodden_rating     CHAR(2),
    location_cache_id BIGINT,
    source_note       TEXT,
    CONSTRAINT birth_data_client_id_fkey FOREIGN KEY (client_id)
        REFERENCES clients (id) ON DELETE CASCADE,
    CONSTRAINT birth_data_location_cache_id_fkey FOREIGN KEY (location_cache_id)
        REFERENCES location_cache (id) ON DELETE SET NULL
);

CREATE INDEX birth_data_client_id_idx ON birth_data (client_id);

CREATE TABLE charts (
    id               UUID        NOT NULL PRIMARY KEY,
    client_id        UUID,
    birth_data_id    UUID,
    chart_type       CHART_TYPE ENUM TEXT NOT NULL DEFAULT 'natal'
        CHECK (chart_type IN ('natal', 'transit', 'synastry', 'composite', 'progressed')),
    name             TEXT        NOT NULL,
    house_system     VARCHAR(32),
    julian_day       FLOAT8,
    ayanamsa_deg     FLOAT4,
    planet_positions JSONB TEXT,
    engine_output    JSON TEXT,
    thumbnail        BLOB,
    is_favorite      BOOLEAN     NOT NULL DEFAULT 0,
    calculated_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT charts_client_id_fkey FOREIGN KEY (client_id)
        REFERENCES clients (id) ON DELETE SET NULL,
    CONSTRAINT charts_birth_data_id_fkey FOREIGN KEY (birth_data_id)
        REFERENCES birth_data (id) ON DELETE SET NULL
);

CREATE INDEX charts_client_id_idx ON charts (client_id);

-- Holds the shared rows (PostgreSQL user_id NULL) and the custom rows of
-- the exported user. The two kinds are no longer distinguished by a column.
CREATE TABLE interpretations (
    id          UUID        NOT NULL PRIMARY KEY,
    category    VARCHAR(32) NOT NULL,
    subject_key TEXT        NOT NULL,
    lang        VARCHAR(8)  NOT NULL DEFAULT 'en',
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    metadata    JSONB TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX interpretations_category_subject_key_idx ON interpretations (category, subject_key);

CREATE TABLE chart_interpretations (
    id                UUID        NOT NULL PRIMARY KEY,
    chart_id          UUID        NOT NULL,
    interpretation_id UUID,
    sort_order        SMALLINT    NOT NULL DEFAULT 0,
    custom_text       TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT chart_interpretations_chart_id_fkey FOREIGN KEY (chart_id)
        REFERENCES charts (id) ON DELETE CASCADE,
    CONSTRAINT chart_interpretations_interpretation_id_fkey FOREIGN KEY (interpretation_id)
        REFERENCES interpretations (id) ON DELETE SET NULL,
    CONSTRAINT chart_interpretations_chart_id_sort_order_key UNIQUE (chart_id, sort_order)
);

CREATE TABLE aspect_patterns (
    id            UUID          NOT NULL PRIMARY KEY,
    chart_id      UUID          NOT NULL,
    pattern_type  VARCHAR(32)   NOT NULL,
    bodies        TEXT ARRAY    NOT NULL,
    house_numbers INTEGER ARRAY,
    max_orb_deg   FLOAT8,
    details       JSONB TEXT,
    detected_at   TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT aspect_patterns_chart_id_fkey FOREIGN KEY (chart_id)
        REFERENCES charts (id) ON DELETE CASCADE
);

CREATE INDEX aspect_patterns_chart_id_idx ON aspect_patterns (chart_id);

CREATE TABLE transit_events (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    chart_id           UUID        NOT NULL,
    transiting_body    VARCHAR(16) NOT NULL,
    natal_body         VARCHAR(16) NOT NULL,
    aspect             VARCHAR(16) NOT NULL,
    orb_deg            FLOAT4,
    exact_at           TIMESTAMPTZ NOT NULL,
    influence_duration INTERVAL,
    reminder_time      TIME,
    priority           SMALLINT    NOT NULL DEFAULT 3,
    is_active          BOOLEAN     NOT NULL DEFAULT 1,
    note               TEXT,
    CONSTRAINT transit_events_chart_id_fkey FOREIGN KEY (chart_id)
        REFERENCES charts (id) ON DELETE CASCADE
);

CREATE INDEX transit_events_active_exact_at_idx ON transit_events (exact_at) WHERE is_active;

CREATE TABLE session_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id    UUID               NOT NULL,
    chart_id     UUID,
    session_date DATE               NOT NULL,
    started_at   TIME,
    duration     INTERVAL,
    title        VARCHAR(200),
    body         TEXT,
    tags         TEXT ARRAY,
    fee          DECIMAL TEXT(12,2),
    is_paid      BOOLEAN            NOT NULL DEFAULT 0,
    word_count   INTEGER,
    attachments  JSONB TEXT,
    created_at   TIMESTAMPTZ        NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT session_notes_client_id_fkey FOREIGN KEY (client_id)
        REFERENCES clients (id) ON DELETE CASCADE,
    CONSTRAINT session_notes_chart_id_fkey FOREIGN KEY (chart_id)
        REFERENCES charts (id) ON DELETE SET NULL
);

CREATE INDEX session_notes_client_id_session_date_idx ON session_notes (client_id, session_date);
