import Database from 'better-sqlite3';

export interface StoredCaseEvents {
  rows: number;
  distinct: number;
  keys: Set<string>;
}

/** `source|id` of a CloudEvent: what the ledger stores exactly once. */
export const sourceIdKey = (source: string, id: string): string => `${source}|${id}`;

/**
 * Reads the SQLite event log the ingestor writes, read-only, beside the running process: every
 * stored fact of the given types by its CloudEvent (source, id).
 */
export function storedEvents(file: string, where = "type <> 'BoardEstablished'"): StoredCaseEvents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { source: string; id: string }>(
        `SELECT json_extract(metadata, '$.source') AS source, json_extract(metadata, '$.sourceEventId') AS id FROM events WHERE ${where}`,
      )
      .all();
    const keys = new Set(rows.map((row) => sourceIdKey(row.source, row.id)));
    return { rows: rows.length, distinct: keys.size, keys };
  } finally {
    db.close();
  }
}

/** Number of stored events of the given types, or 0 before the ingestor created the file. */
export function countStored(file: string, where = "type <> 'BoardEstablished'"): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM events WHERE ${where}`).get()?.n ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
