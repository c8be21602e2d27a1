import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from '@app/event-store';
import type { FactRow, UnitRow } from './fact-projection';

/**
 * The digest every metrics read model computes, whatever it stores rows in: facts then units,
 * each in the same order (`FACT_DIGEST_ORDER`, `UNIT_DIGEST_ORDER`, text compared byte by byte),
 * each row hashed as canonical JSON of its decoded values (object keys sorted, numbers as JSON
 * numbers, absent optional unit fields as null, false or ''). Row ids are left out: they are an
 * artefact of storage, not of the log. Two read models built from the same log therefore give
 * the same digest, in the same store (live against rebuilt) or across stores (SQLite against
 * PostgreSQL, whose jsonb reorders keys).
 */
export class ReadModelDigest {
  private readonly hash: Hash = createHash('sha256');

  fact(row: FactRow, validTo: number | null): void {
    const f = row.fact;
    this.add([
      'fact',
      row.boardId,
      row.scope,
      f.type,
      f.key,
      row.businessDate,
      row.childKeys,
      f.data,
      f.position,
      f.positions,
      f.source,
      row.validFrom,
      validTo,
    ]);
  }

  unit(row: UnitRow, validTo: number | null): void {
    const u = row.unit;
    this.add([
      'unit',
      row.boardId,
      row.childKey,
      u.metricCode,
      u.unitKey,
      u.unitDate,
      u.counted,
      u.reason,
      u.dataQuality ?? false,
      u.value ?? null,
      u.denominatorValue ?? null,
      u.breakdown ?? '',
      u.positions,
      row.validFrom,
      validTo,
    ]);
  }

  hex(): string {
    return this.hash.digest('hex');
  }

  private add(values: unknown[]): void {
    this.hash.update(canonicalJson(values));
    this.hash.update('\n');
  }
}

/** Column order of facts in the digest; a store must compare text byte by byte (binary, collation "C"). */
export const FACT_DIGEST_ORDER = 'valid_from, board_id, type, business_key';
/** Column order of units in the digest; a store must compare text byte by byte. */
export const UNIT_DIGEST_ORDER = 'valid_from, board_id, metric_code, unit_key, child_key';
