/**
 * The SQLite event log: one table, the global position as the rowid. `data` and `metadata`
 * are canonical JSON text (see `canonicalJson`), so SQLite's JSON functions and a BI tool can
 * read them, and the hash chain re-hashes exactly what was stored.
 */
export const SQLITE_EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  event_id    TEXT    NOT NULL UNIQUE,
  stream      TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  hash        TEXT    NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS events_recorded_at ON events (recorded_at);
`;
