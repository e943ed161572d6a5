-- =====================================================================
-- migrate reference sample data for multi_user_schema.sql
--
-- Fully deterministic: every value is an explicit literal (ids, timestamps,
-- serial and identity keys). No random() and no now().
-- Every timestamptz and timetz literal carries an explicit UTC offset, so
-- the stored instants do not depend on the session TimeZone.
--
-- Users: alice@example.com, bob@example.com, carol@example.com
-- (carol has no user_preferences row and is_active = false).
--
-- UUID scheme: TTU00000-0000-4000-8000-000000000NNN
--   TT  = table (10 users, 20 clients, 30 birth_data, 40 charts,
--         50 chart_interpretations, 60 interpretations, 70 aspect_patterns)
--   U   = owner (0 shared, 1 alice, 2 bob, 3 carol), NNN = row number.
--
-- Planted dangling reference (exporters must report it in tenant mode):
--   chart_interpretations 50100000-0000-4000-8000-000000000006 belongs to
--   alice (through chart 40100000-0000-4000-8000-000000000004) but its
--   interpretation_id 60200000-0000-4000-8000-000000000001 is a custom
--   interpretation owned by bob.
--
-- Quotes inside literals are always doubled, never backslash-escaped.
-- Backslashes appear only as data (standard_conforming_strings = on) or
-- inside E-strings for newline, carriage return and tab.
-- =====================================================================

-- ---------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------
insert into users (id, email, password_hash, full_name, created_at, is_active, locale, country_code, subscription_ends_at, last_login_at) values
('10100000-0000-4000-8000-000000000001', 'alice@example.com',
 '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$YWxpY2UtaGFzaC1ub3QtcmVhbA',
 'Alice Zoë Whitmore', '2021-03-04 09:15:00.123456+00', true, 'en-GB', 'GB',
 '2026-03-04 00:00:00+00', '2024-11-02 21:47:03.5+01'),
('10200000-0000-4000-8000-000000000001', 'bob@example.com',
 '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW',
 'Łukasz "Bob" O''Brien', '2022-07-19 23:59:59.999999-07', true, 'pl-PL', 'PL',
 'infinity', '2024-12-31 23:59:59+14'),
('10300000-0000-4000-8000-000000000001', 'carol@example.com',
 'plain-text-is-not-a-hash but the column only stores text',
 'Carol Yamada (山田 キャロル) 🜁', '2023-01-01 00:00:00+09', false, 'ja-JP', null,
 null, null);

-- ---------------------------------------------------------------------
-- user_preferences (carol deliberately has none)
-- ---------------------------------------------------------------------
insert into user_preferences (user_id, house_system, zodiac, default_chart_type, orb_settings, theme, digest_time, week_starts_on, updated_at) values
('10100000-0000-4000-8000-000000000001', 'placidus', 'tropical', 'natal',
 '{"conjunction": 8, "opposition": 8, "trine": 7.5, "minor": {"quincunx": 3, "semisextile": 2.0}, "applying_only": false, "bodies": ["sun", "moon", null]}',
 'dark', '07:30:00+02', 1, '2024-01-15 08:00:00+01'),
('10200000-0000-4000-8000-000000000001', 'whole_sign', 'sidereal', 'transit',
 '{}', null, '23:15:30.25-03:30', 0, '2023-05-05 05:05:05.050505+05:45');

-- ---------------------------------------------------------------------
-- location_cache (shared, bigint identity with explicit ids)
-- ---------------------------------------------------------------------
insert into location_cache (id, query, display_name, latitude, longitude, country_code, timezone_name, population, elevation_m, provider_response, fetched_at, hit_count) values
(1, 'london, uk', 'London, England, United Kingdom', 51.507400, -0.127800, 'GB', 'Europe/London', 8982000, 11,
 '{"provider": "nominatim", "osm_id": 65606, "bbox": [51.28, 51.69, -0.51, 0.33], "importance": 0.9}',
 '2023-01-01 00:00:00+00', 42),
(2, 'São Paulo', 'São Paulo, Brasil', -23.550520, -46.633308, 'BR', 'America/Sao_Paulo', 12325232, 760,
 '{"provider": "nominatim", "address": {"city": "São Paulo", "state": "SP"}}',
 '2023-02-14 13:45:10.25-03', 7),
(3, '東京', 'Tokyo, Japan (東京都)', 35.676200, 139.650300, 'JP', 'Asia/Tokyo', 13960000, 40,
 '{"provider": "manual", "names": {"ja": "東京", "en": "Tokyo"}}',
 '2023-03-03 03:03:03+09', 3),
(4, 'Sydney NSW', 'Sydney, New South Wales, Australia', -33.868800, 151.209300, 'AU', 'Australia/Sydney', 5312163, 3,
 null, '2023-04-04 04:04:04.000001+10', 0),
(5, 'Kathmandu', 'Kathmandu, Nepal', 27.717200, 85.324000, 'NP', 'Asia/Kathmandu', 1442271, 1400,
 '[]', '2023-05-05 05:05:05+05:45', 1),
(6, 'Baku "below sea level", AZ', 'Baku, Azerbaijan', 40.409300, 49.867100, 'AZ', 'Asia/Baku', 2300500, -28,
 '{"note": "elevation is negative"}', '2023-06-06 06:06:06-00', 2),
(7, 'Roma', 'Roma, Lazio, Italia', 41.902800, 12.496400, 'IT', 'Europe/Rome', 2873000, 21,
 '{"provider": "nominatim", "historic": true}', '2023-07-07 07:07:07+02', 1);

-- ---------------------------------------------------------------------
-- interpretations: shared (user_id null) and custom per user
-- ---------------------------------------------------------------------
insert into interpretations (id, user_id, category, subject_key, lang, title, body, metadata, created_at) values
('60000000-0000-4000-8000-000000000001', null, 'planet_in_sign', 'sun:taurus', 'en', 'Sun in Taurus ♉',
 E'Steady, sensual, patient.\nValues comfort and continuity.',
 '{"element": "earth", "modality": "fixed", "keywords": ["stable", "sensual"]}', '2020-01-01 00:00:00+00'),
('60000000-0000-4000-8000-000000000002', null, 'planet_in_sign', 'moon:cancer', 'en', 'Moon in Cancer',
 'The Moon is "at home" in Cancer, it''s dignified here.',
 null, '2020-01-01 00:00:00+00'),
('60000000-0000-4000-8000-000000000003', null, 'aspect', 'sun:square:saturn', 'en', 'Sun square Saturn',
 'Notation: Sun \u25A1 Saturn (a literal backslash-u, not an escape). Path C:\charts\natal stays as typed.',
 '{"orb": 8, "harmonic": 4}', '2020-01-01 00:00:00+00'),
('60000000-0000-4000-8000-000000000004', null, 'house', 'house:7', 'en', 'The Seventh House',
 '',
 '[]', '2020-01-01 00:00:00+00'),
('60000000-0000-4000-8000-000000000005', null, 'pattern', 'grand_trine', 'de', 'Großes Trigon',
 'Harmonie zwischen drei Planeten im selben Element.',
 '{"nested": {"deep": {"deeper": [1, 2, {"x": null}]}}}', '2020-01-02 12:00:00+01'),
('60000000-0000-4000-8000-000000000006', null, 'planet_in_sign', 'moon:aries', 'ja', '牡羊座の月 🌙',
 '情熱的で衝動的 😀',
 '12.50', '2020-01-03 00:00:00+09'),
('60100000-0000-4000-8000-000000000001', '10100000-0000-4000-8000-000000000001', 'planet_in_sign', 'sun:taurus', 'en', 'Sun in Taurus (my notes)',
 E'My take: slow, steady,\n"earthy" & patient.',
 '{"overrides": "60000000-0000-4000-8000-000000000001"}', '2021-05-01 10:00:00+02'),
('60100000-0000-4000-8000-000000000002', '10100000-0000-4000-8000-000000000001', 'asteroid', 'chiron:virgo', 'en', 'Chiron in Virgo',
 'The wounded healer in the house of service.',
 null, '2021-05-02 10:00:00+02'),
('60200000-0000-4000-8000-000000000001', '10200000-0000-4000-8000-000000000001', 'aspect', 'venus:trine:jupiter', 'en', 'Venus trine Jupiter (Bob)',
 'Generosity and luck in love, per Bob.',
 '{"a": 1, "b": [true, false, null]}', '2022-08-01 09:00:00+02'),
('60200000-0000-4000-8000-000000000002', '10200000-0000-4000-8000-000000000001', 'house', 'house:12', 'pl', 'Dwunasty dom',
 E'Ukryte sprawy.\tTab-separated\tcolumns.',
 null, '2022-08-02 09:00:00+02'),
('60300000-0000-4000-8000-000000000001', '10300000-0000-4000-8000-000000000001', 'planet_in_sign', 'mercury:gemini', 'en', 'Mercury in Gemini',
 'Quick, witty, 2 fast 4 u.',
 '{}', '2023-02-01 00:00:00+09');

-- ---------------------------------------------------------------------
-- clients
-- ---------------------------------------------------------------------
insert into clients (id, user_id, first_name, last_name, email, phone, notes, tags, session_fee, is_archived, created_at, updated_at) values
-- alice
('20100000-0000-4000-8000-000000000001', '10100000-0000-4000-8000-000000000001', 'Zoë', 'Müller-Lüdenscheidt', 'zoe@example.org', '+49 30 1234567',
 E'Prefers evening sessions.\nAllergic to incense.', array['vip', 'returning'], 120.00, false,
 '2021-04-01 10:00:00+02', '2024-02-29 12:00:00.000001+01'),
('20100000-0000-4000-8000-000000000002', '10100000-0000-4000-8000-000000000001', 'Łukasz', 'Kowalski', 'LUKASZ@Example.COM', '007',
 'He said "call me Luke", OK?', array['new', null, 'says "hi", often', 'O''Reilly'], 12.50, false,
 '2021-06-15 18:30:00-04', null),
('20100000-0000-4000-8000-000000000003', '10100000-0000-4000-8000-000000000001', 'Hiroshi', '田中', null, null,
 '', '{}', null, true,
 '2022-01-01 00:00:00+09', '2022-01-01 00:00:00+09'),
('20100000-0000-4000-8000-000000000004', '10100000-0000-4000-8000-000000000001', 'Julius', 'Caesar (research)', null, null,
 'Historical chart, BC birth date, used for teaching.', array['historical'], 0.00, false,
 '2022-03-15 12:00:00+01', null),
-- bob (same client email as one of alice, allowed: uniqueness is per user)
('20200000-0000-4000-8000-000000000001', '10200000-0000-4000-8000-000000000001', 'Zoë', 'Müller', 'zoe@example.org', '+1 (555) 010-0000',
 'Path: C:\Users\zoe\charts', array['referral'], 95.5, false,
 '2022-08-01 08:00:00+02', null),
('20200000-0000-4000-8000-000000000002', '10200000-0000-4000-8000-000000000001', 'Ana', 'Souza', 'ana@example.com.br', null,
 E'Line one\r\nLine two (CRLF)', null, 200.00, false,
 '2022-09-09 09:09:09.090909-03', null),
('20200000-0000-4000-8000-0000000000FF', '10200000-0000-4000-8000-000000000001', 'Noah', null, 'noah@example.net', '12345',
 'Emoji test 😀🜁 and a combining é accent (e + U+0301)', array['😀', 'a,b', '{braces}', 'back\slash', ''], 9999999999.99, false,
 '2023-01-31 23:59:59+00', '2023-02-01 00:00:00+00'),
-- carol
('20300000-0000-4000-8000-000000000001', '10300000-0000-4000-8000-000000000001', 'María José', 'García Núñez', 'mj@example.es', '+34 600 000 000',
 'Prefiere español.', array['es'], 75.00, false,
 '2023-02-02 10:00:00+01', null),
('20300000-0000-4000-8000-000000000002', '10300000-0000-4000-8000-000000000001', 'Test', 'Client', '', '',
 null, null, null, false,
 '2023-02-03 10:00:00+01', null);

-- ---------------------------------------------------------------------
-- birth_data (reachable through clients only)
-- ---------------------------------------------------------------------
insert into birth_data (id, client_id, birth_date, birth_time, birth_local, utc_offset, birth_instant, time_known, latitude, longitude, place_name, country_code, timezone_name, rodden_rating, location_cache_id, source_note) values
-- alice
('30100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000001', '1990-05-17', '14:30:15.123456', '1990-05-17 14:30:15.123456',
 '05:30:00', '1990-05-17 14:30:15.123456+05:30', true, 28.613900, 77.209000, 'New Delhi, India', 'IN', 'Asia/Kolkata', 'AA', null,
 'Birth certificate'),
('30100000-0000-4000-8000-000000000002', '20100000-0000-4000-8000-000000000001', '1990-05-17', '14:42:00', '1990-05-17 14:42:00',
 '05:30:00', '1990-05-17 14:42:00+05:30', true, 28.613900, 77.209000, 'New Delhi, India', 'IN', 'Asia/Kolkata', 'C', null,
 'Rectified by the astrologer, version 2'),
('30100000-0000-4000-8000-000000000003', '20100000-0000-4000-8000-000000000002', '1985-12-31', '23:59:59', '1985-12-31 23:59:59',
 '01:00:00', '1985-12-31 23:59:59+01', true, 52.229700, 21.012200, 'Warszawa', 'PL', 'Europe/Warsaw', 'A', null,
 null),
('30100000-0000-4000-8000-000000000004', '20100000-0000-4000-8000-000000000003', '2000-02-29', null, null,
 '09:00:00', null, false, 35.676200, 139.650300, '東京', 'JP', 'Asia/Tokyo', 'X', 3,
 'Time unknown, noon chart'),
('30100000-0000-4000-8000-000000000005', '20100000-0000-4000-8000-000000000004', '0100-07-12 BC', null, null,
 null, null, false, 41.902800, 12.496400, 'Roma', 'IT', null, 'DD', 7,
 'Suetonius, date disputed (Julian calendar)'),
-- bob
('30200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-000000000001', '1992-08-08', '08:08:08', '1992-08-08 08:08:08',
 '-03:00:00', '1992-08-08 08:08:08-03', true, -23.550520, -46.633308, 'São Paulo', 'BR', 'America/Sao_Paulo', 'B', 2,
 'Mother remembers'),
('30200000-0000-4000-8000-000000000002', '20200000-0000-4000-8000-000000000002', '1978-01-01', '00:00:00', '1978-01-01 00:00:00',
 '-02:00:00', '1978-01-01 00:00:00-02', true, -22.906847, -43.172897, 'Rio de Janeiro', 'BR', 'America/Sao_Paulo', 'AA', null,
 null),
('30200000-0000-4000-8000-000000000003', '20200000-0000-4000-8000-0000000000ff', '2001-09-09', '02:46:40', '2001-09-09 02:46:40',
 '01:00:00', '2001-09-09 01:46:40+00', true, 51.507400, -0.127800, 'London', 'GB', 'Europe/London', 'A', 1,
 'Unix time 1000000000'),
-- carol
('30300000-0000-4000-8000-000000000001', '20300000-0000-4000-8000-000000000001', '1969-07-20', '21:17:40', '1969-07-20 21:17:40',
 '01:00:00', '1969-07-20 21:17:40.000001+01', true, 40.416800, -3.703800, 'Madrid', 'ES', 'Europe/Madrid', 'AA', null,
 'Hospital record'),
('30300000-0000-4000-8000-000000000002', '20300000-0000-4000-8000-000000000002', '1970-01-01', '00:00:00', '1970-01-01 00:00:00',
 '-09:30:00', '1970-01-01 00:00:00-09:30', true, -8.868000, -140.142000, 'Nuku Hiva, Îles Marquises', 'PF', 'Pacific/Marquesas', null, null,
 '');

-- ---------------------------------------------------------------------
-- charts
-- ---------------------------------------------------------------------
insert into charts (id, user_id, client_id, birth_data_id, chart_type, name, house_system, julian_day, ayanamsa_deg, planet_positions, engine_output, thumbnail, is_favorite, calculated_at) values
-- alice
('40100000-0000-4000-8000-000000000001', '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000001', '30100000-0000-4000-8000-000000000001',
 'natal', 'Zoë, natal', 'placidus', 2448029.3959, null,
 '{"sun": {"lon": 56.123456, "sign": "taurus", "retrograde": false}, "moon": {"lon": 123.5, "sign": "leo"}, "houses": [12.1, 40.2, 70.0]}',
 '{"a": 1,  "a":2}',
 decode('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex'),
 true, '2021-04-01 10:05:00.5+02'),
('40100000-0000-4000-8000-000000000002', '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000001', '30100000-0000-4000-8000-000000000002',
 'progressed', 'Zoë, progressed 2024', 'placidus', 2460310.5, null,
 '{"progressed_to": "2024-01-01", "sun": {"lon": 90.0}}',
 E'{\n  "engine": "swisseph",\n\t"version": "2.10.03",\n  "flags": [ 1, 2 ,3 ]\n}',
 null, false, '2024-01-01 00:00:00+00'),
('40100000-0000-4000-8000-000000000003', '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000002', '30100000-0000-4000-8000-000000000003',
 'transit', 'Łukasz, transits', 'koch', 2446431.5, null,
 '{"transits": [], "note": "empty array"}',
 null,
 decode('', 'hex'),
 false, '2024-03-01 12:00:00-05'),
('40100000-0000-4000-8000-000000000004', '10100000-0000-4000-8000-000000000001', null, null,
 'composite', 'Mundane: 2020 Great Conjunction', 'equal', 2459205.25, null,
 '{"jupiter": {"lon": 300.29}, "saturn": {"lon": 300.29}}',
 '[]',
 decode('89504e470d0a1a0a', 'hex'),
 false, '2020-12-21 18:20:00+00'),
('40100000-0000-4000-8000-000000000005', '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000004', '30100000-0000-4000-8000-000000000005',
 'natal', 'Caesar (historical)', 'whole_sign', 1684901.0, 1.5,
 null, null, null, false, '2022-03-15 12:30:00+01'),
-- bob
('40200000-0000-4000-8000-000000000001', '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-000000000001', '30200000-0000-4000-8000-000000000001',
 'natal', 'Zoë M. natal', 'whole_sign', 2448842.963981, 24.1234567,
 '{"sun": {"lon": 136.0, "sign": "leo"}}',
 '{"ok":true}',
 null, false, '2022-08-01 08:30:00+02'),
('40200000-0000-4000-8000-000000000002', '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-000000000002', '30200000-0000-4000-8000-000000000002',
 'synastry', 'Ana × Zoë synastry', 'whole_sign', 2443509.583333, 23.5,
 '{"pairs": [["venus", "mars", 120.0], ["sun", "moon", 0.5]]}',
 '{ }',
 null, false, '2022-09-10 10:00:00-03'),
('40200000-0000-4000-8000-000000000003', '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-0000000000ff', '30200000-0000-4000-8000-000000000003',
 'natal', 'Noah natal', 'placidus', 2452161.574074, null,
 '{"unicode": "♈♉♊ 🜁🜂🜃🜄", "escaped": "line\nbreak \"quoted\""}',
 null,
 decode('00', 'hex'),
 true, '2023-02-01 00:00:00+00'),
('40200000-0000-4000-8000-000000000004', '10200000-0000-4000-8000-000000000001', null, null,
 'transit', 'Sky now (Bob)', null, null, null,
 null, null, null, false, '2024-12-31 23:59:59.999999+14'),
-- carol
('40300000-0000-4000-8000-000000000001', '10300000-0000-4000-8000-000000000001', '20300000-0000-4000-8000-000000000001', '30300000-0000-4000-8000-000000000001',
 'natal', 'MJ natal', 'porphyry', 2440423.345602, null,
 '{"sun": {"lon": 117.8}}',
 '{"x": 1.0e2, "y": -0, "z": 12.50}',
 null, true, '2023-02-02 10:30:00+01'),
('40300000-0000-4000-8000-000000000002', '10300000-0000-4000-8000-000000000001', '20300000-0000-4000-8000-000000000002', '30300000-0000-4000-8000-000000000002',
 'composite', 'Test composite', 'campanus', 2440587.895833, null,
 '{"arr": [1, "two", null, {"three": 3}]}',
 null, null, false, '2023-02-03 10:30:00+01');

-- ---------------------------------------------------------------------
-- chart_interpretations (reachable through charts only)
-- ---------------------------------------------------------------------
insert into chart_interpretations (id, chart_id, interpretation_id, sort_order, custom_text, created_at) values
-- alice
('50100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', 0, null, '2021-04-01 10:06:00+02'),
('50100000-0000-4000-8000-000000000002', '40100000-0000-4000-8000-000000000001', '60100000-0000-4000-8000-000000000001', 1, 'See my override.', '2021-05-01 10:01:00+02'),
('50100000-0000-4000-8000-000000000003', '40100000-0000-4000-8000-000000000001', null, 2,
 E'Free text only, no template.\nSecond line with "quotes" and a comma,', '2021-05-01 10:02:00+02'),
('50100000-0000-4000-8000-000000000004', '40100000-0000-4000-8000-000000000003', '60000000-0000-4000-8000-000000000003', 0, null, '2024-03-01 12:01:00-05'),
('50100000-0000-4000-8000-000000000005', '40100000-0000-4000-8000-000000000005', '60100000-0000-4000-8000-000000000002', 0, '', '2022-03-15 12:31:00+01'),
-- alice, planted cross-user reference: interpretation owned by bob
('50100000-0000-4000-8000-000000000006', '40100000-0000-4000-8000-000000000004', '60200000-0000-4000-8000-000000000001', 0,
 'Cross-user reference planted for exporter tests: points at a custom interpretation owned by bob.', '2022-08-05 00:00:00+00'),
-- bob
('50200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', 0, null, '2022-08-01 08:31:00+02'),
('50200000-0000-4000-8000-000000000002', '40200000-0000-4000-8000-000000000001', '60200000-0000-4000-8000-000000000001', 1, null, '2022-08-01 08:32:00+02'),
('50200000-0000-4000-8000-000000000003', '40200000-0000-4000-8000-000000000002', '60200000-0000-4000-8000-000000000002', 0,
 E'Column A\tColumn B', '2022-09-10 10:01:00-03'),
('50200000-0000-4000-8000-000000000004', '40200000-0000-4000-8000-000000000003', '60000000-0000-4000-8000-000000000006', 0, null, '2023-02-01 00:01:00+00'),
-- carol
('50300000-0000-4000-8000-000000000001', '40300000-0000-4000-8000-000000000001', '60300000-0000-4000-8000-000000000001', 0, null, '2023-02-02 10:31:00+01'),
('50300000-0000-4000-8000-000000000002', '40300000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', 32767, 'Last on purpose (smallint max).', '2023-02-02 10:32:00+01');

-- ---------------------------------------------------------------------
-- aspect_patterns (composite FK to charts (id, user_id))
-- ---------------------------------------------------------------------
insert into aspect_patterns (id, user_id, chart_id, pattern_type, bodies, house_numbers, max_orb_deg, details, detected_at) values
-- alice
('70100000-0000-4000-8000-000000000001', '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001',
 'grand_trine', array['sun', 'jupiter', 'saturn'], array[2, 6, 10], 3.25,
 '{"element": "earth", "closed": true}', '2021-04-01 10:05:01+02'),
('70100000-0000-4000-8000-000000000002', '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001',
 't_square', array['moon', 'mars', 'pluto'], array[1, null, 7], 5,
 null, '2021-04-01 10:05:02+02'),
('70100000-0000-4000-8000-000000000003', '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000004',
 'stellium', array['jupiter', 'saturn', 'pluto', 'mercury'], null, 0.30000000000000004,
 '{"sign": "capricorn", "count": 4}', '2020-12-21 18:20:01+00'),
-- bob
('70200000-0000-4000-8000-000000000001', '10200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000001',
 'yod', array['venus', 'mars', 'neptune'], array[3, 8, 8], 1.5,
 '{"apex": "neptune"}', '2022-08-01 08:30:01+02'),
('70200000-0000-4000-8000-000000000002', '10200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000003',
 'kite', array['sun', 'moon', 'venus', 'mars, "the red one"'], '{}', 1e-300,
 '{"note": "contains a \\ backslash"}', '2023-02-01 00:00:01+00'),
-- carol
('70300000-0000-4000-8000-000000000001', '10300000-0000-4000-8000-000000000001', '40300000-0000-4000-8000-000000000001',
 'mystic_rectangle', array['sun', 'moon', 'mars', 'jupiter'], array[4, 10, null, null], 2.5,
 null, '2023-02-02 10:30:01+01');

-- ---------------------------------------------------------------------
-- transit_events (serial key, explicit ids)
-- ---------------------------------------------------------------------
insert into transit_events (id, user_id, chart_id, transiting_body, natal_body, aspect, orb_deg, exact_at, influence_duration, reminder_time, priority, is_active, note) values
-- alice
(1, '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001', 'saturn', 'sun', 'conjunction', 0.25,
 '2024-03-15 04:12:00+00', '3 mons 12 days', '09:00:00', 1, true, 'Saturn return, more or less'),
(2, '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001', 'jupiter', 'moon', 'trine', 1.1,
 '2024-06-01 12:00:00.000001+02', '10 days 05:30:00', '24:00:00', 3, true, null),
(3, '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000003', 'pluto', 'venus', 'square', null,
 '2025-01-20 23:00:00-05', '-5 hours', null, 5, false, ''),
(4, '10100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000002', 'uranus', 'mc', 'opposition', 2,
 '2026-07-07 07:07:07+07', '1 year 2 mons 3 days 04:05:06.789', '00:00:00', 2, true,
 E'Tab\there, a comma, and a quote: '' and a double quote: "'),
-- bob
(5, '10200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000001', 'mars', 'venus', 'sextile', 0.5,
 '2024-02-14 14:00:00+01', '1 day -02:00:00', '18:30:00', 4, true, 'Valentine''s day'),
(6, '10200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000003', 'neptune', 'sun', 'conjunction', 0.01,
 '2030-12-31 23:59:59.999999+00', '00:00:00', null, 3, false, null),
(7, '10200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000002', 'node', 'asc', 'conjunction', null,
 '2024-09-01 00:00:00-03', null, '12:00:00.5', 3, true, 'Nodal axis'),
-- carol
(8, '10300000-0000-4000-8000-000000000001', '40300000-0000-4000-8000-000000000001', 'saturn', 'moon', 'square', 3,
 '2024-04-08 18:17:00+00', '2 years', '06:00:00', 2, true, null),
(9, '10300000-0000-4000-8000-000000000001', '40300000-0000-4000-8000-000000000002', 'sun', 'sun', 'conjunction', 0,
 '2025-07-20 20:00:00+02', '1 year', null, 1, true, 'Solar return 🎂');

-- ---------------------------------------------------------------------
-- session_notes (bigint identity, explicit ids with gaps and one id above 2^53)
-- ---------------------------------------------------------------------
insert into session_notes (id, user_id, client_id, chart_id, session_date, started_at, duration, title, body, tags, fee, is_paid, word_count, attachments, created_at) values
-- alice
(1, '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000001',
 '2024-01-10', '18:00:00', '01:30:00', 'First reading',
 E'Discussed the Saturn return.\nShe asked: "What''s next?"', array['natal', 'first'], 120.00, true, 12,
 '[{"name": "chart.png", "bytes": 2048}]', '2024-01-10 19:35:00+01'),
(2, '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000001', '40100000-0000-4000-8000-000000000002',
 '2024-02-29', '09:15:00', '00:45:00', 'Follow-up',
 'Short one', null, 12.50, false, 2,
 null, '2024-02-29 10:05:00+01'),
(3, '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000002', null,
 '2024-03-31', null, null, '00123',
 'Back\slash and C:\temp\new stay literal', array['', ' leading space', 'trailing space ', 'NULL'], 0.00, true, 0,
 '{}', '2024-03-31 23:59:59+02'),
(7, '10100000-0000-4000-8000-000000000001', '20100000-0000-4000-8000-000000000003', null,
 '2023-12-31', '23:30:00', '02:00:00', null,
 null, '{}', null, false, null,
 null, '2024-01-01 01:30:00+09'),
-- bob
(4, '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-000000000001', '40200000-0000-4000-8000-000000000001',
 '2024-05-05', '10:00:00', '01:00:00', 'Sesja 1, Zoë',
 'Zażółć gęślą jaźń', array['pl'], 95.50, true, 3,
 '{"links": ["https://example.com/a?x=1&y=2"]}', '2024-05-05 11:05:00+02'),
(5, '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-000000000002', '40200000-0000-4000-8000-000000000002',
 '2024-05-06', '16:45:00', '01:15:00', 'Synastry review',
 E'Line1\r\nLine2', array['synastry', 'couple, "A & Z"'], 200.00, false, 2,
 null, '2024-05-06 18:00:00-03'),
(6, '10200000-0000-4000-8000-000000000001', '20200000-0000-4000-8000-0000000000ff', null,
 '2024-06-01', '08:00:00', '00:30:00', 'Emoji 😀',
 '🜁🜂🜃🜄', array['🜁'], 9999999999.99, true, 2147483647,
 '{"unicode": "\u00e9\ud83d\ude00"}', '2024-06-01 08:30:00+00'),
-- carol
(10, '10300000-0000-4000-8000-000000000001', '20300000-0000-4000-8000-000000000001', '40300000-0000-4000-8000-000000000001',
 '2024-07-20', '20:17:40', '00:55:00', 'Primera sesión',
 'Año nuevo, ¿qué tal?', array['es'], 75.00, true, 4,
 null, '2024-07-20 21:15:00+02'),
(9007199254740993, '10300000-0000-4000-8000-000000000001', '20300000-0000-4000-8000-000000000002', null,
 '1999-12-31', null, null, '',
 '', null, null, false, null,
 '{"deep": {"a": [[], {}], "b": null}}', '1999-12-31 23:59:59.999999-12');

-- ---------------------------------------------------------------------
-- sequences: make the next default-generated key follow the explicit ones
-- ---------------------------------------------------------------------
select setval(pg_get_serial_sequence('transit_events', 'id'), (select max(id) from transit_events));
select setval(pg_get_serial_sequence('session_notes', 'id'), (select max(id) from session_notes));
select setval(pg_get_serial_sequence('location_cache', 'id'), (select max(id) from location_cache));
