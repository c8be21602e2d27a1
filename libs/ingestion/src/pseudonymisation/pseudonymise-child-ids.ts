import { createHmac } from 'node:crypto';
import type { EventName } from '../catalogue/event-names';
import { CannotPseudonymise } from '../errors/ingestion.errors';
import { isGssCode, isNonEmptyString } from '../validation/field-rules.decorators';
import { isJsonObject } from '../validation/rule';

/** Every field of the catalogue that holds a child identifier, as a path in `data`. */
export const CHILD_IDENTIFIER_FIELDS = ['childId', 'childIds[]', 'outcomes[].childId', 'childParticipation[]'] as const;

/**
 * The pseudonym of a child: lower-case hex of `HMAC-SHA-256(key, localAuthority + ":" + childId)`.
 * The local authority is part of the text because case systems number children independently: the
 * same source identifier in two authorities is two children.
 */
export function pseudonymOf(childId: string, localAuthority: string, key: Buffer): string {
  return createHmac('sha256', key).update(`${localAuthority}:${childId}`, 'utf8').digest('hex');
}

/**
 * A copy of `data` with every child identifier field ({@link CHILD_IDENTIFIER_FIELDS}) replaced by
 * its pseudonym under `key` (the board's key). `data` itself is left untouched. Every field is
 * replaced wherever it appears, whatever `eventName` says, so no raw identifier can slip through.
 *
 * Apply it once: pseudonymising a pseudonym gives another, unlinkable, value.
 *
 * @throws CannotPseudonymise when the key is empty, `localAuthority` is not a GSS code, data names
 *   another local authority, or an identifier field is not a non-empty string (validate first).
 *   The error names the field, never its value.
 */
export function pseudonymiseChildIds<T extends object>(eventName: EventName, data: T, localAuthority: string, key: Buffer): T {
  if (!Buffer.isBuffer(key) || key.length === 0) throw new CannotPseudonymise(eventName, 'key', 'must be a non-empty key');
  if (!isGssCode(localAuthority)) throw new CannotPseudonymise(eventName, 'localAuthority', 'must be a GSS code');
  const source = data as Record<string, unknown>;
  if (source.localAuthority !== undefined && source.localAuthority !== localAuthority) {
    throw new CannotPseudonymise(eventName, 'data.localAuthority', 'must be the local authority the pseudonyms are keyed on');
  }
  const copy = structuredClone(data) as Record<string, unknown>;
  const pseudonym = (value: unknown, path: string): string => {
    if (!isNonEmptyString(value)) throw new CannotPseudonymise(eventName, path, 'must be a non-empty string');
    return pseudonymOf(value, localAuthority, key);
  };
  const pseudonymList = (value: unknown, path: string): string[] => {
    if (!Array.isArray(value)) throw new CannotPseudonymise(eventName, path, 'must be a list');
    return value.map((entry, index) => pseudonym(entry, `${path}[${index}]`));
  };

  if (copy.childId !== undefined) copy.childId = pseudonym(copy.childId, 'data.childId');
  if (copy.childIds !== undefined) copy.childIds = pseudonymList(copy.childIds, 'data.childIds');
  if (copy.childParticipation !== undefined) {
    copy.childParticipation = pseudonymList(copy.childParticipation, 'data.childParticipation');
  }
  if (copy.outcomes !== undefined) {
    if (!Array.isArray(copy.outcomes)) throw new CannotPseudonymise(eventName, 'data.outcomes', 'must be a list');
    copy.outcomes.forEach((outcome: unknown, index) => {
      const path = `data.outcomes[${index}]`;
      if (!isJsonObject(outcome)) throw new CannotPseudonymise(eventName, path, 'must be an object');
      if (outcome.childId !== undefined) outcome.childId = pseudonym(outcome.childId, `${path}.childId`);
    });
  }
  return copy as T;
}
