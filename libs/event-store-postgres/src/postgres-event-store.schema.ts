/** Schema names the adapter accepts: a plain lower-case identifier, short enough for its channel. */
export const POSTGRES_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** The LISTEN/NOTIFY channel on which `append_events` announces each commit of a schema. */
export function appendedChannel(schema: string): string {
  return `ledger_appended_${schema}`;
}

/**
 * One event of a store-generated id appended to a stream in one statement, without calling
 * `append_events`: the commonest write (a command's event) and the one whose latency the
 * function's statements dominate (about 0.1 ms of 0.8 ms with a commit's flush, measured). Same
 * outcome and hash as `append_events` gives it: the head row locked first (`FOR UPDATE` reads
 * its latest version, so position and previous hash follow any append committed meanwhile),
 * the stream's version checked against the expected one ($2: -1 any, -2 no-stream,
 * -3 stream-exists, else exact), the event hashed, inserted and the head moved only when the
 * check holds, listeners notified. Returns one row: whether it was appended, the stream's
 * version before it, and its position (and the notification's empty result).
 *
 * The stream's version is read with the statement's snapshot, taken before the lock: when
 * another connection appended to the same stream in between, the insert breaks the
 * `(stream, version)` key instead, and the caller must then ask `append_events` (which reads
 * after locking) for the outcome. Parameters: $1 stream, $2 expected, $3 event id, $4 type,
 * $5 data and $6 metadata (canonical JSON text).
 */
export function appendOneStatement(schema: string): string {
  if (!POSTGRES_SCHEMA_NAME.test(schema))
    throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} must match ${POSTGRES_SCHEMA_NAME}`);
  const s = `"${schema}"`;
  return `WITH locked AS (
  SELECT h.position, h.hash, h.recorded_at FROM ${s}.head h WHERE h.id = 1 FOR UPDATE
), next AS (
  SELECT l.position + 1 AS position, l.hash AS previous,
         ${s}.recorded_at_after(l.recorded_at) AS at,
         (SELECT coalesce(max(e.version), 0) FROM ${s}.events e WHERE e.stream = $1::text) AS current
    FROM locked l
), checked AS (
  SELECT n.*, ${s}.expected_version_holds($2::integer, n.current) AS ok FROM next n
), appended AS (
  INSERT INTO ${s}.events (position, event_id, stream, version, type, data, metadata, recorded_at, hash)
  SELECT c.position, $3::text, $1::text, c.current + 1, $4::text, $5::text::json, $6::text::json, c.at,
         ${s}.chain_hash(c.previous, $5::text, $3::text, $6::text, c.position, c.at, $1::text, $4::text, c.current + 1)
    FROM checked c WHERE c.ok
  RETURNING position, hash, recorded_at
), moved AS (
  UPDATE ${s}.head h SET position = a.position, hash = a.hash, recorded_at = a.recorded_at
    FROM appended a WHERE h.id = 1
  RETURNING h.position
)
SELECT c.ok, c.current, c.position, (SELECT pg_notify('${appendedChannel(schema)}', m.position::text) FROM moved m)
  FROM checked c`;
}

/**
 * The PostgreSQL event log of one schema, created idempotently (every statement is
 * `IF NOT EXISTS`, `IF EXISTS` or `OR REPLACE`), so `connect` can run it on every start.
 *
 * `events` holds the log; `position` is the global order, taken from the one-row `head` table.
 * `data` and `metadata` are `json`: the canonical JSON text the client sent, kept as sent, so
 * SQL and BI tools can still query them (`data->>'caseRef'`, or `data::jsonb` for jsonb's
 * operators and indexes), reads return the stored text without converting it, and the hash
 * covers exactly what is stored. (Schemas created before this kept `jsonb` columns; every
 * statement here works on those too, only slower, until they are converted with
 * `ALTER TABLE events ALTER data TYPE json USING data::json, ALTER metadata TYPE json USING metadata::json`.)
 *
 * There is no index on `recorded_at`: `recorded_at` never decreases along `position` (see
 * below), so `position_at` binary-searches the primary key instead, and every append writes one
 * index entry fewer.
 *
 * `append_events` is the one write path. It takes a group of appends (several callers' appends
 * sent together, see `PostgresEventStore`), each to one stream with its expected version
 * (-1 any, -2 no-stream, -3 stream-exists, else the exact version) and its number of events,
 * and the events of all of them, in order, as parallel arrays of ids, types, data and metadata
 * (canonical JSON text) and whether to look each id up: only an id the caller chose may be
 * stored already, a store-generated one cannot be. In one statement it locks the head row,
 * reads what the group needs from the log set-based (stored events with the caller-chosen ids,
 * the streams' versions), then for each append in turn finds its duplicates (an id stored before,
 * or appended earlier in the group) or an id conflict, checks the expected version against the
 * stream's version after the group's earlier appends, and hashes its new events; finally it
 * inserts the group's new events with one statement, moves the head and notifies listeners. Each
 * array is handed to SQL once: a slice per append would copy the whole array each time, making a
 * group's cost grow with the square of its size. A lone append of store-generated ids (a
 * command, a batch) takes a lean path with the same outcome: it cannot hold a duplicate, so only
 * its stream's version is checked and the loop over its events only chains the hashes. A failed
 * append is reported in its result row and writes nothing; the others of the group go on.
 * `recorded_at` is the server's clock, but never earlier than the head's (`recorded_at_after`),
 * so it never decreases along the global order. The hash is `chain_hash`: `sha256(previousHash
 * || canonical JSON of the event)`, the canonical text assembled in the fixed key order of
 * `chainHash` from the canonical JSON the client sent for data and metadata and `to_json(text)`
 * for the strings, whose escaping equals `JSON.stringify`'s.
 */
export function postgresEventStoreSchema(schema: string): string {
  if (!POSTGRES_SCHEMA_NAME.test(schema))
    throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} must match ${POSTGRES_SCHEMA_NAME}`);
  const s = `"${schema}"`;
  const channel = appendedChannel(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};

CREATE TABLE IF NOT EXISTS ${s}.events (
  position    bigint      PRIMARY KEY,
  event_id    text        COLLATE "C" NOT NULL UNIQUE,
  stream      text        COLLATE "C" NOT NULL,
  version     integer     NOT NULL,
  type        text        NOT NULL,
  data        json        NOT NULL,
  metadata    json        NOT NULL,
  recorded_at text        COLLATE "C" NOT NULL,
  hash        text        NOT NULL,
  UNIQUE (stream, version)
);
DROP INDEX IF EXISTS ${s}.events_recorded_at;

CREATE TABLE IF NOT EXISTS ${s}.head (
  id          integer PRIMARY KEY CHECK (id = 1),
  position    bigint  NOT NULL,
  hash        text    NOT NULL,
  recorded_at text    COLLATE "C"
);
INSERT INTO ${s}.head (id, position, hash, recorded_at) VALUES (1, 0, '', NULL) ON CONFLICT (id) DO NOTHING;

-- An event's hash: sha256(previous hash || the event's canonical JSON), the text assembled in
-- the fixed key order of chainHash from the canonical JSON of data and metadata and to_json for
-- the strings. The one definition every append path uses; plain SQL, so the planner inlines it.
CREATE OR REPLACE FUNCTION ${s}.chain_hash(
  p_previous text, p_data text, p_event_id text, p_metadata text, p_position bigint,
  p_recorded_at text, p_stream text, p_type text, p_version integer
) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT encode(sha256(convert_to(concat(
    p_previous, '{"data":', p_data, ',"eventId":', to_json(p_event_id), ',"metadata":', p_metadata,
    ',"position":', p_position, ',"recordedAt":"', p_recorded_at, '","stream":', to_json(p_stream),
    ',"type":', to_json(p_type), ',"version":', p_version, '}'),
    'UTF8')), 'hex')
$fn$;

-- Whether a stream at p_current satisfies an expected version (-1 any, -2 no-stream,
-- -3 stream-exists, else the exact version).
CREATE OR REPLACE FUNCTION ${s}.expected_version_holds(p_expected integer, p_current integer)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
  SELECT p_expected = -1 OR (p_expected = -2 AND p_current = 0) OR (p_expected = -3 AND p_current > 0)
         OR p_expected = p_current
$fn$;

-- The store clock for an append after one recorded at p_last: now (UTC, milliseconds), but
-- never earlier than p_last, so recorded_at never decreases along the global order.
CREATE OR REPLACE FUNCTION ${s}.recorded_at_after(p_last text) RETURNS text LANGUAGE sql VOLATILE AS $fn$
  SELECT greatest(coalesce(p_last, ''), to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
$fn$;

-- The last position recorded at or before p_instant (0 when none): a binary search of the
-- positions 1 .. head, which are gapless and whose recorded_at never decreases.
CREATE OR REPLACE FUNCTION ${s}.position_at(p_instant text) RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_lo  bigint := 0;
  v_hi  bigint;
  v_mid bigint;
  v_at  text;
BEGIN
  SELECT h.position INTO v_hi FROM ${s}.head h WHERE h.id = 1;
  WHILE v_lo < v_hi LOOP
    v_mid := (v_lo + v_hi + 1) / 2;
    SELECT e.recorded_at INTO v_at FROM ${s}.events e WHERE e.position = v_mid;
    IF v_at <= p_instant COLLATE "C" THEN v_lo := v_mid; ELSE v_hi := v_mid - 1; END IF;
  END LOOP;
  RETURN v_lo;
END
$fn$;

DROP FUNCTION IF EXISTS ${s}.append_events(text[], integer[], integer[], text[], text[], text[], text[]);
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_streams   text[],
  p_expected  integer[],
  p_counts    integer[],
  p_event_ids text[],
  p_types     text[],
  p_data      text[],
  p_metadata  text[],
  p_probe     boolean[]
) RETURNS TABLE (
  outcome        text,
  version        integer,
  first_position bigint,
  dup_ordinals   integer[],
  dup_positions  bigint[],
  dup_versions   integer[],
  conflict_id    text,
  stored_stream  text,
  stored_type    text
) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_position  bigint;
  v_hash      text;
  v_at        text;
  v_start     bigint;
  v_count     integer := coalesce(cardinality(p_event_ids), 0);
  v_last      integer := 0;
  v_stream    text;
  v_expected  integer;
  v_current   integer;
  v_first     bigint;
  v_conflict  integer;
  v_c_stream  text;
  v_c_type    text;
  v_dups      integer[];
  v_dup_pos   bigint[];
  v_dup_ver   integer[];
  v_j         integer;
  v_lo        integer;
  v_hi        integer;
  -- Per event of the group, by ordinal: what is appended (position, version, hash, stream) ...
  g_pos       bigint[];
  g_ver       integer[];
  g_hash      text[];
  g_stream    text[];
  -- ... the stored event with the same id, if any ...
  s_pos       bigint[];
  s_ver       integer[];
  s_stream    text[];
  s_type      text[];
  s_same      boolean[];
  -- ... and the previous event of the group with the same id.
  g_prev_id   integer[];
  -- Per append of the group: its stream's stored version, the previous append to the same stream,
  -- and the stream's version after it.
  a_stored    integer[];
  a_prev      integer[];
  a_after     integer[];
  r           record;
BEGIN
  SELECT h.position, h.hash, h.recorded_at INTO v_position, v_hash, v_at
    FROM ${s}.head h WHERE h.id = 1 FOR UPDATE;
  v_start := v_position;
  v_at := ${s}.recorded_at_after(v_at);

  -- One append whose ids the store generated (a command, a batch): no duplicate can exist, so
  -- the stream's version is the only check, and the loop only chains the hashes. The general
  -- path below gives the same outcome for it, with four times the statements per event.
  IF cardinality(p_streams) = 1 AND NOT (true = ANY (p_probe)) THEN
    IF p_counts[1] <> v_count THEN
      RAISE EXCEPTION 'append_events: % events sent for appends counting %', v_count, p_counts;
    END IF;
    v_stream := p_streams[1];
    v_expected := p_expected[1];
    SELECT coalesce(max(e.version), 0) INTO v_current FROM ${s}.events e WHERE e.stream = v_stream;
    IF NOT ${s}.expected_version_holds(v_expected, v_current) THEN
      RETURN QUERY SELECT 'version-conflict'::text, v_current, NULL::bigint, NULL::integer[], NULL::bigint[], NULL::integer[],
                          NULL::text, NULL::text, NULL::text;
      RETURN;
    END IF;
    g_hash := array_fill(NULL::text, ARRAY[v_count]);
    FOR i IN 1 .. v_count LOOP
      v_hash := ${s}.chain_hash(v_hash, p_data[i], p_event_ids[i], p_metadata[i], v_start + i, v_at, v_stream, p_types[i], v_current + i);
      g_hash[i] := v_hash;
    END LOOP;
    INSERT INTO ${s}.events (position, event_id, stream, version, type, data, metadata, recorded_at, hash)
      SELECT v_start + u.ordinal, u.id, v_stream, v_current + u.ordinal, u.type, u.data::json, u.metadata::json, v_at, u.h
        FROM unnest(p_event_ids, p_types, p_data, p_metadata, g_hash) WITH ORDINALITY AS u(id, type, data, metadata, h, ordinal);
    UPDATE ${s}.head SET position = v_start + v_count, hash = v_hash, recorded_at = v_at WHERE id = 1;
    PERFORM pg_notify('${channel}', (v_start + v_count)::text);
    RETURN QUERY SELECT 'ok'::text, v_current + v_count, v_start + 1, '{}'::integer[], '{}'::bigint[], '{}'::integer[],
                        NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;

  -- Everything the group needs from the log is read up front, set-based, each array passed to
  -- SQL once: handing a slice of a group's arrays to a statement per append copies the whole
  -- arrays each time, which made a group's cost grow with the square of its size.
  g_pos := array_fill(NULL::bigint, ARRAY[v_count]);
  g_ver := array_fill(NULL::integer, ARRAY[v_count]);
  g_hash := array_fill(NULL::text, ARRAY[v_count]);
  g_stream := array_fill(NULL::text, ARRAY[v_count]);
  s_pos := array_fill(NULL::bigint, ARRAY[v_count]);
  s_ver := array_fill(NULL::integer, ARRAY[v_count]);
  s_stream := array_fill(NULL::text, ARRAY[v_count]);
  s_type := array_fill(NULL::text, ARRAY[v_count]);
  s_same := array_fill(NULL::boolean, ARRAY[v_count]);
  g_prev_id := array_fill(NULL::integer, ARRAY[v_count]);
  -- Only ids the caller chose can be stored already. One index probe per id (LIMIT keeps the
  -- planner from turning it into a scan of the log). The data compare as text first: both
  -- sides are canonical JSON, except in a schema whose columns are still jsonb.
  IF true = ANY (p_probe) THEN
    FOR r IN
      SELECT u.ordinal, e.position, e.version, e.stream, e.type, (e.data::text = u.data OR e.data::jsonb = u.data::jsonb) AS same_data
        FROM unnest(p_event_ids, p_probe, p_data) WITH ORDINALITY AS u(id, probe, data, ordinal)
        CROSS JOIN LATERAL (SELECT * FROM ${s}.events x WHERE x.event_id = u.id LIMIT 1) AS e
       WHERE u.probe
    LOOP
      s_pos[r.ordinal] := r.position; s_ver[r.ordinal] := r.version;
      s_stream[r.ordinal] := r.stream; s_type[r.ordinal] := r.type; s_same[r.ordinal] := r.same_data;
    END LOOP;
    FOR r IN
      SELECT q.ordinal, q.previous
        FROM (SELECT u.ordinal, lag(u.ordinal) OVER (PARTITION BY u.id ORDER BY u.ordinal) AS previous
                FROM unnest(p_event_ids, p_probe) WITH ORDINALITY AS u(id, probe, ordinal)
               WHERE u.probe) q
       WHERE q.previous IS NOT NULL
    LOOP
      g_prev_id[r.ordinal] := r.previous;
    END LOOP;
  END IF;
  a_stored := array_fill(NULL::integer, ARRAY[coalesce(cardinality(p_streams), 0)]);
  a_prev := array_fill(NULL::integer, ARRAY[coalesce(cardinality(p_streams), 0)]);
  a_after := array_fill(NULL::integer, ARRAY[coalesce(cardinality(p_streams), 0)]);
  IF cardinality(p_streams) = 1 THEN
    -- One append (a lone command): one index probe, without planning the set-based query below
    -- (a window over the group's streams, planned afresh on each call), which costs a single
    -- append more than all the rest of this function.
    SELECT coalesce(max(e.version), 0) INTO v_current FROM ${s}.events e WHERE e.stream = p_streams[1];
    a_stored[1] := v_current;
  ELSE
    FOR r IN
      SELECT u.a, lag(u.a) OVER (PARTITION BY u.stream ORDER BY u.a) AS previous,
             (SELECT coalesce(max(e.version), 0) FROM ${s}.events e WHERE e.stream = u.stream) AS stored
        FROM unnest(p_streams) WITH ORDINALITY AS u(stream, a)
    LOOP
      a_prev[r.a] := r.previous; a_stored[r.a] := r.stored;
    END LOOP;
  END IF;

  FOR a IN 1 .. coalesce(cardinality(p_streams), 0) LOOP
    v_stream := p_streams[a];
    v_expected := p_expected[a];
    v_lo := v_last + 1;
    v_hi := v_last + p_counts[a];
    v_last := v_hi;
    -- The stream's version: stored, or after this group's previous append to it.
    v_current := CASE WHEN a_prev[a] IS NULL THEN a_stored[a] ELSE a_after[a_prev[a]] END;
    a_after[a] := v_current;

    -- Duplicates: an id appended earlier in this group, else one stored before it.
    v_dups := '{}'; v_dup_pos := '{}'; v_dup_ver := '{}'; v_conflict := NULL;
    FOR i IN v_lo .. v_hi LOOP
      CONTINUE WHEN NOT p_probe[i];
      v_j := g_prev_id[i];
      WHILE v_j IS NOT NULL AND g_pos[v_j] IS NULL LOOP v_j := g_prev_id[v_j]; END LOOP;
      IF v_j IS NOT NULL THEN
        IF NOT (g_stream[v_j] = v_stream AND p_types[v_j] = p_types[i] AND p_data[v_j] = p_data[i]) THEN
          v_conflict := i; v_c_stream := g_stream[v_j]; v_c_type := p_types[v_j]; EXIT;
        END IF;
        v_dups := v_dups || (i - v_lo + 1); v_dup_pos := v_dup_pos || g_pos[v_j]; v_dup_ver := v_dup_ver || g_ver[v_j];
      ELSIF s_pos[i] IS NOT NULL THEN
        IF NOT (s_stream[i] = v_stream AND s_type[i] = p_types[i] AND s_same[i]) THEN
          v_conflict := i; v_c_stream := s_stream[i]; v_c_type := s_type[i]; EXIT;
        END IF;
        v_dups := v_dups || (i - v_lo + 1); v_dup_pos := v_dup_pos || s_pos[i]; v_dup_ver := v_dup_ver || s_ver[i];
      END IF;
    END LOOP;
    IF v_conflict IS NOT NULL THEN
      RETURN QUERY SELECT 'id-conflict'::text, NULL::integer, NULL::bigint, NULL::integer[], NULL::bigint[], NULL::integer[],
                          p_event_ids[v_conflict], v_c_stream, v_c_type;
      CONTINUE;
    END IF;

    v_first := NULL;
    IF cardinality(v_dups) < v_hi - v_lo + 1 THEN
      IF NOT ${s}.expected_version_holds(v_expected, v_current) THEN
        RETURN QUERY SELECT 'version-conflict'::text, v_current, NULL::bigint, NULL::integer[], NULL::bigint[], NULL::integer[],
                            NULL::text, NULL::text, NULL::text;
        CONTINUE;
      END IF;
      v_first := v_position + 1;
        FOR i IN v_lo .. v_hi LOOP
        CONTINUE WHEN (i - v_lo + 1) = ANY (v_dups);
        v_position := v_position + 1;
        v_current := v_current + 1;
        v_hash := ${s}.chain_hash(v_hash, p_data[i], p_event_ids[i], p_metadata[i], v_position, v_at, v_stream, p_types[i], v_current);
        g_pos[i] := v_position; g_ver[i] := v_current; g_hash[i] := v_hash; g_stream[i] := v_stream;
      END LOOP;
      a_after[a] := v_current;
    END IF;
    RETURN QUERY SELECT 'ok'::text, v_current, v_first, v_dups, v_dup_pos, v_dup_ver, NULL::text, NULL::text, NULL::text;
  END LOOP;

  IF v_last <> v_count THEN
    RAISE EXCEPTION 'append_events: % events sent for appends counting %', v_count, p_counts;
  END IF;
  IF v_position > v_start THEN
    -- The whole group's new events in one statement, in position order.
    INSERT INTO ${s}.events (position, event_id, stream, version, type, data, metadata, recorded_at, hash)
      SELECT u.pos, u.id, u.stream, u.ver, u.type, u.data::json, u.metadata::json, v_at, u.h
        FROM unnest(g_pos, p_event_ids, g_stream, g_ver, p_types, p_data, p_metadata, g_hash)
             AS u(pos, id, stream, ver, type, data, metadata, h)
       WHERE u.h IS NOT NULL;
    UPDATE ${s}.head SET position = v_position, hash = v_hash, recorded_at = v_at WHERE id = 1;
    PERFORM pg_notify('${channel}', v_position::text);
  END IF;
END
$fn$;
`;
}
