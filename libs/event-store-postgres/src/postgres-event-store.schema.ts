/** Schema names the adapter accepts: a plain lower-case identifier, short enough for its channel. */
export const POSTGRES_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** The LISTEN/NOTIFY channel on which `append_events` announces each commit of a schema. */
export function appendedChannel(schema: string): string {
  return `ledger_appended_${schema}`;
}

/**
 * The PostgreSQL event log of one schema, created idempotently (every statement is
 * `IF NOT EXISTS` or `OR REPLACE`), so `connect` can run it on every start.
 *
 * `events` holds the log; `position` is the global order, taken from the one-row `head` table.
 * `data` and `metadata` are jsonb, so SQL and BI tools can query them; the hash covers their
 * canonical JSON, which `verify` recomputes from the parsed jsonb.
 *
 * `append_events` is the one write path. It takes a group of appends (several callers' appends
 * sent together, see `PostgresEventStore`), each to one stream with its expected version
 * (-1 any, -2 no-stream, -3 stream-exists, else the exact version), and in one statement:
 * locks the head row, and for each append in turn finds its already-stored event ids
 * (duplicates, or an id conflict), checks the expected version, hashes the new events and
 * inserts them; then moves the head and notifies listeners. A failed append is reported in its
 * result row and writes nothing; the others of the group go on. The hash is
 * `sha256(previousHash || canonical JSON of the event)`, the canonical text assembled in the
 * fixed key order of `chainHash` from the canonical JSON the client sent for data and
 * metadata and `to_json(text)` for the strings, whose escaping equals `JSON.stringify`'s.
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
  data        jsonb       NOT NULL,
  metadata    jsonb       NOT NULL,
  recorded_at text        COLLATE "C" NOT NULL,
  hash        text        NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS events_recorded_at ON ${s}.events (recorded_at, position);

CREATE TABLE IF NOT EXISTS ${s}.head (
  id          integer PRIMARY KEY CHECK (id = 1),
  position    bigint  NOT NULL,
  hash        text    NOT NULL,
  recorded_at text    COLLATE "C"
);
INSERT INTO ${s}.head (id, position, hash, recorded_at) VALUES (1, 0, '', NULL) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_streams   text[],
  p_expected  integer[],
  p_counts    integer[],
  p_event_ids text[],
  p_types     text[],
  p_data      text[],
  p_metadata  text[]
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
  v_now       text;
  v_start     bigint;
  v_last      integer := 0;
  v_stream    text;
  v_stream_js text;
  v_expected  integer;
  v_current   integer;
  v_first     bigint;
  v_conflict  integer;
  v_c_stream  text;
  v_c_type    text;
  v_dups      integer[];
  v_dup_pos   bigint[];
  v_dup_ver   integer[];
  v_pos       bigint[];
  v_ver       integer[];
  v_hashes    text[];
  v_k         integer;
  v_lo        integer;
  v_hi        integer;
  r           record;
BEGIN
  SELECT h.position, h.hash, h.recorded_at INTO v_position, v_hash, v_at
    FROM ${s}.head h WHERE h.id = 1 FOR UPDATE;
  v_start := v_position;
  v_now := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  IF v_at IS NULL OR v_now > v_at THEN v_at := v_now; END IF;

  FOR a IN 1 .. coalesce(cardinality(p_streams), 0) LOOP
    v_stream := p_streams[a];
    v_expected := p_expected[a];
    v_lo := v_last + 1;
    v_hi := v_last + p_counts[a];
    v_last := v_hi;

    v_dups := '{}'; v_dup_pos := '{}'; v_dup_ver := '{}'; v_conflict := NULL;
    -- One index probe per id (LIMIT keeps the planner from turning it into a scan of the log).
    FOR r IN
      SELECT u.ordinal, e.position, e.version, e.stream, e.type, e.data = p_data[v_lo + u.ordinal - 1]::jsonb AS same_data
        FROM unnest(p_event_ids[v_lo:v_hi]) WITH ORDINALITY AS u(id, ordinal)
        CROSS JOIN LATERAL (SELECT * FROM ${s}.events x WHERE x.event_id = u.id LIMIT 1) AS e
       ORDER BY u.ordinal
    LOOP
      IF NOT (r.stream = v_stream AND r.type = p_types[v_lo + r.ordinal - 1] AND r.same_data) THEN
        v_conflict := v_lo + r.ordinal - 1; v_c_stream := r.stream; v_c_type := r.type; EXIT;
      END IF;
      v_dups := v_dups || r.ordinal::integer;
      v_dup_pos := v_dup_pos || r.position;
      v_dup_ver := v_dup_ver || r.version;
    END LOOP;
    IF v_conflict IS NOT NULL THEN
      RETURN QUERY SELECT 'id-conflict'::text, NULL::integer, NULL::bigint, NULL::integer[], NULL::bigint[], NULL::integer[],
                          p_event_ids[v_conflict], v_c_stream, v_c_type;
      CONTINUE;
    END IF;

    SELECT coalesce(max(e.version), 0) INTO v_current FROM ${s}.events e WHERE e.stream = v_stream;
    v_first := NULL;
    IF cardinality(v_dups) < v_hi - v_lo + 1 THEN
      IF NOT (v_expected = -1 OR (v_expected = -2 AND v_current = 0) OR (v_expected = -3 AND v_current > 0) OR v_expected = v_current) THEN
        RETURN QUERY SELECT 'version-conflict'::text, v_current, NULL::bigint, NULL::integer[], NULL::bigint[], NULL::integer[],
                            NULL::text, NULL::text, NULL::text;
        CONTINUE;
      END IF;
      v_first := v_position + 1;
      v_stream_js := to_json(v_stream)::text;
      v_pos := array_fill(NULL::bigint, ARRAY[v_hi - v_lo + 1]);
      v_ver := array_fill(NULL::integer, ARRAY[v_hi - v_lo + 1]);
      v_hashes := array_fill(NULL::text, ARRAY[v_hi - v_lo + 1]);
      FOR i IN v_lo .. v_hi LOOP
        v_k := i - v_lo + 1;
        CONTINUE WHEN v_k = ANY (v_dups);
        v_position := v_position + 1;
        v_current := v_current + 1;
        v_hash := encode(sha256(convert_to(
          v_hash || '{"data":' || p_data[i] || ',"eventId":' || to_json(p_event_ids[i])::text
            || ',"metadata":' || p_metadata[i] || ',"position":' || v_position
            || ',"recordedAt":"' || v_at || '","stream":' || v_stream_js
            || ',"type":' || to_json(p_types[i])::text || ',"version":' || v_current || '}',
          'UTF8')), 'hex');
        v_pos[v_k] := v_position; v_ver[v_k] := v_current; v_hashes[v_k] := v_hash;
      END LOOP;
      INSERT INTO ${s}.events (position, event_id, stream, version, type, data, metadata, recorded_at, hash)
        SELECT u.pos, u.id, v_stream, u.ver, u.type, u.data::jsonb, u.metadata::jsonb, v_at, u.h
          FROM unnest(p_event_ids[v_lo:v_hi], p_types[v_lo:v_hi], p_data[v_lo:v_hi], p_metadata[v_lo:v_hi], v_pos, v_ver, v_hashes)
               AS u(id, type, data, metadata, pos, ver, h)
         WHERE u.h IS NOT NULL;
    END IF;
    RETURN QUERY SELECT 'ok'::text, v_current, v_first, v_dups, v_dup_pos, v_dup_ver, NULL::text, NULL::text, NULL::text;
  END LOOP;

  IF v_position > v_start THEN
    UPDATE ${s}.head SET position = v_position, hash = v_hash, recorded_at = v_at WHERE id = 1;
    PERFORM pg_notify('${channel}', v_position::text);
  END IF;
END
$fn$;
`;
}
