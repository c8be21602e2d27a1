/**
 * The SQLite event log: one table, the global position as the rowid. `data` and `metadata`
 * are canonical JSON text (see `canonicalJson`), so SQLite's JSON functions and a BI tool can
 * read them, and the hash chain re-hashes exactly what was stored. `recorded_at` has no index:
 * it never decreases along the position, so `positionAt` binary-searches positions instead,
 * and every append saves a B-tree insert.
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
DROP INDEX IF EXISTS events_recorded_at;
`;
