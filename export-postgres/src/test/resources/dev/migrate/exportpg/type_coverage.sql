-- Every type the PostgreSQL mapping table knows, with edge values. One table per concern, so
-- each column can hold a list of edge values (one per row); the id orders the rows.

create type mood as enum ('happy', 'sad', 'it''s complicated');
create domain posint as integer check (value > 0);
create domain price as numeric(10,2);
create domain sale_price as price check (value >= 0);
create domain short_email as varchar(64) check (value like '%@%');
create domain int_list as integer[];

create table floats (
    id  integer primary key,
    f8  double precision,
    f4  real
);
insert into floats values
 (1, 'NaN', 'NaN'),
 (2, 'Infinity', 'Infinity'),
 (3, '-Infinity', '-Infinity'),
 (4, '-0', '-0'),
 (5, 0.30000000000000004, 24.1234567),
 (6, 1e-300, 1e-30),
 (7, 1.7976931348623157e308, 3.4028235e38),
 (8, 4.9e-324, 1.4e-45),
 (9, null, null);

create table numerics (
    id     integer primary key,
    n      numeric,
    n4020  numeric(40,20),
    m      money,
    p      price,
    sp     sale_price
);
insert into numerics values
 (1, 1234567890123456789012345678901234567890, 12345678901234567890.12345678901234567890, 12.34, 9999999.99, 0.50),
 (2, 'NaN', -0.00000000000000000001, -1234567.89, -0.01, 0),
 (3, 'Infinity', 0, 0, 0, null),
 (4, '-Infinity', null, null, null, null),
 (5, -0.000000000000000000000000000001, 1.5, 0.01, 1, 1),
 (6, 12.50, 2.50000000000000000000, 92233720368547758.07, 12.5, 12.5),
 (7, 1e-5, null, null, null, null),
 (8, null, null, null, null, null);

create table temporals (
    id    integer primary key,
    d     date,
    ts    timestamp,
    tstz  timestamptz,
    t     time,
    ttz   timetz,
    iv    interval,
    ts3   timestamp(3),
    t0    time(0)
);
insert into temporals values
 (1, '2024-02-29', '2024-01-01 10:00:00.123456', '2024-01-01 10:00:00.123456+02', '24:00:00', '07:30:00+02',
     '1 year 2 mons 3 days 04:05:06.789', '2024-01-01 10:00:00.1239', '10:00:00.6'),
 (2, '0044-03-15 BC', '0044-03-15 12:00:00 BC', '0001-01-01 00:00:00+00 BC', '00:00:00', '23:15:30.25-03:30',
     '-5 hours', null, null),
 (3, '0001-01-01 BC', 'infinity', 'infinity', '12:00:00.5', '12:00:00+00', '0', null, null),
 (4, 'infinity', '-infinity', '-infinity', '23:59:59.999999', '12:00:00-09:30', '1 day -02:00:00', null, null),
 (5, '-infinity', '294276-12-31 23:59:59.999999', '1969-07-20 20:17:40-05', null, null, '-0.5 sec', null, null),
 (6, '5874897-12-31', '4713-01-01 00:00:00 BC', '2000-01-01 00:00:00.000001+14', null, null, '178000000 years', null, null),
 (7, '4713-01-01 BC', null, null, null, null, '1 mon -3 sec', null, null),
 (8, null, null, null, null, null, null, null, null);

create table texts (
    id     integer primary key,
    t      text,
    vc     varchar(10),
    c      char(5),
    nm     name,
    u      uuid,
    j      json,
    jb     jsonb,
    b      boolean,
    bin    bytea,
    e      mood,
    em     short_email
);
insert into texts values
 (1, 'plain', 'abc', 'ab', 'pg_name', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"a": 1,  "a":2}',
     '{"b": 2, "a": [1, null, "x"], "u": "\u00e9"}', true, '\x000102', 'happy', 'a@b.c'),
 (2, '', '', '', '', '00000000-0000-0000-0000-000000000000', '[]', 'null', false, '\x', 'it''s complicated', null),
 (3, 'quotes '' " and \ backslash', '0123456789', 'abcde', 'x', null, E'{\n\t"x": 1.0e2\n}', '12.50', null,
     '\x00', 'sad', null),
 (4, E'line\nbreak\ttab\rcr and emoji 😀 東京 e\u0301', 'NULL', null, null, null, '"just a string"',
     '{"deep": {"a": [[], {}], "b": null}}', null, null, null, null),
 (5, 'NULL', null, null, null, null, null, '[1, 2.0, 1e400]', null, null, null, null),
 (6, null, null, null, null, null, null, null, null, null, null, null);
-- all 256 byte values
insert into texts (id, bin) select 7, decode(string_agg(lpad(to_hex(i), 2, '0'), '' order by i), 'hex') from generate_series(0, 255) i;

create table arrays (
    id    integer primary key,
    ints  integer[],
    grid  integer[][],
    txt   text[],
    txt2  text[][],
    f8s   double precision[],
    nums  numeric[],
    tstz  timestamptz[],
    dates date[],
    bins  bytea[],
    bools boolean[],
    jbs   jsonb[],
    uuids uuid[],
    chars char(3)[],
    moods mood[],
    money money[],
    ivs   interval[],
    il    int_list,
    pos   posint[]
);
insert into arrays values
 (1, '{1,NULL,3}', '{{1,2},{3,4}}', '{"a,b","say \"hi\"",NULL,"NULL","",back\\slash,"{braces}"}',
     '{{a,NULL},{"",d}}', '{NaN,Infinity,-Infinity,-0,1.5}', '{1.50,NaN,-0.001}',
     '{"2024-01-01 10:00:00+02",infinity}', '{"0044-03-15 BC",2024-01-01}', array['\x00ff'::bytea, null, '\x'],
     '{t,f,NULL}', array['{"b":1,"a":2}'::jsonb, 'null'::jsonb], '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}',
     array['a'::char(3), 'abc'], '{happy,"it''s complicated"}', array[12.34::money, (-1)::money], '{"1 day","-5 hours"}',
     '{7,8}', '{1,2}'),
 (2, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'),
 (3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

create table fallbacks (
    id     integer primary key,
    ip     inet,
    net    cidr,
    mac    macaddr,
    tsv    tsvector,
    doc    xml,
    pt     point,
    bits   bit(4),
    rng    int4range,
    ch     "char"
);
insert into fallbacks values
 (1, '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', 'a fat cat sat', '<a>1</a>', '(1,2)', B'1010', '[1,5)', 'x'),
 (2, null, null, null, null, null, null, null, null, null);

create table generated (
    id        integer generated always as identity primary key,
    serial_no serial,
    qty       integer not null,
    unit      numeric(8,2) not null,
    total     numeric generated always as (qty * unit) stored,
    pid       posint default 1
);
insert into generated (qty, unit) values (2, 1.25), (3, 10.00);

-- PostgreSQL allows a table without columns.
create table no_columns ();
insert into no_columns default values;
insert into no_columns default values;

-- Keys, foreign-key actions and indexes of every shape.
create table parent_keys (a integer, b integer, primary key (a, b), constraint parent_keys_b_key unique (b));
create table child_keys (
    id integer primary key,
    a  integer,
    b  integer check (b <> 0),
    constraint child_keys_ab_fkey foreign key (a, b) references parent_keys
        on delete set null on update cascade deferrable initially deferred,
    constraint child_keys_b_fkey foreign key (b) references parent_keys (b) on delete restrict deferrable);
create index child_keys_plain on child_keys (b, a);
create index child_keys_expr on child_keys ((a + b));
create index child_keys_desc on child_keys (a desc);
create unique index child_keys_partial on child_keys (a) where b > 0;
create index child_keys_hash on child_keys using hash (a);
insert into parent_keys values (1, 2);
insert into child_keys values (1, 1, 2), (2, null, null);
