import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
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
export function pseudonymOf(childId: string, localAuthority: string, key: Buffer | KeyObject): string {
  return createHmac('sha256', key).update(`${localAuthority}:${childId}`, 'utf8').digest('hex');
}

/**
 * Pseudonyms under one board's key, the same as {@link pseudonymOf} gives, each computed once: an
 * event names the same child in several fields (`childIds`, `outcomes[].childId`,
 * `childParticipation`) and a batch names the same child in many events. Meant to live for one
 * batch and then be dropped: it holds the identifiers it has seen, in memory only, no longer than
 * the batch that carries them.
 */
export class ChildPseudonymiser {
  readonly #known = new Map<string, string>();
  readonly #key: KeyObject;

  /** @throws CannotPseudonymise when the key is empty. */
  constructor(key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length === 0) throw new CannotPseudonymise('any event', 'key', 'must be a non-empty key');
    this.#key = createSecretKey(key);
  }

  pseudonymOf(childId: string, localAuthority: string): string {
    const text = `${localAuthority}:${childId}`;
    let pseudonym = this.#known.get(text);
    if (pseudonym === undefined) {
      pseudonym = pseudonymOf(childId, localAuthority, this.#key);
      this.#known.set(text, pseudonym);
    }
    return pseudonym;
  }

  toString(): string {
    return 'ChildPseudonymiser';
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
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
  checkLocalAuthority(eventName, data as Record<string, unknown>, localAuthority);
  return replaceChildIds(eventName, structuredClone(data), localAuthority, new ChildPseudonymiser(key));
}

/**
 * As {@link pseudonymiseChildIds}, but replaces the identifiers in `data` itself and returns it:
 * for data the caller owns and nothing else holds (the fresh copy `validateCloudEvent` returns),
 * where a second copy would only cost time.
 *
 * @throws CannotPseudonymise as {@link pseudonymiseChildIds}; `data` may then be partly replaced.
 */
export function pseudonymiseChildIdsInPlace<T extends object>(
  eventName: EventName,
  data: T,
  localAuthority: string,
  pseudonymiser: ChildPseudonymiser,
): T {
  checkLocalAuthority(eventName, data as Record<string, unknown>, localAuthority);
  return replaceChildIds(eventName, data, localAuthority, pseudonymiser);
}

function checkLocalAuthority(eventName: EventName, data: Record<string, unknown>, localAuthority: string): void {
  if (!isGssCode(localAuthority)) throw new CannotPseudonymise(eventName, 'localAuthority', 'must be a GSS code');
  if (data.localAuthority !== undefined && data.localAuthority !== localAuthority) {
    throw new CannotPseudonymise(eventName, 'data.localAuthority', 'must be the local authority the pseudonyms are keyed on');
  }
}

/** Replaces the identifier fields; lists and outcomes are new values, so an aliased one is never pseudonymised twice. */
function replaceChildIds<T extends object>(eventName: EventName, data: T, localAuthority: string, pseudonymiser: ChildPseudonymiser): T {
  const record = data as Record<string, unknown>;
  const pseudonym = (value: unknown, path: string): string => {
    if (!isNonEmptyString(value)) throw new CannotPseudonymise(eventName, path, 'must be a non-empty string');
    return pseudonymiser.pseudonymOf(value, localAuthority);
  };
  const pseudonymList = (value: unknown, path: string): string[] => {
    if (!Array.isArray(value)) throw new CannotPseudonymise(eventName, path, 'must be a list');
    const list = new Array<string>(value.length);
    for (let index = 0; index < value.length; index++) list[index] = pseudonym(value[index], `${path}[${index}]`);
    return list;
  };

  if (record.childId !== undefined) record.childId = pseudonym(record.childId, 'data.childId');
  if (record.childIds !== undefined) record.childIds = pseudonymList(record.childIds, 'data.childIds');
  if (record.childParticipation !== undefined) {
    record.childParticipation = pseudonymList(record.childParticipation, 'data.childParticipation');
  }
  if (record.outcomes !== undefined) {
    const outcomes = record.outcomes;
    if (!Array.isArray(outcomes)) throw new CannotPseudonymise(eventName, 'data.outcomes', 'must be a list');
    record.outcomes = outcomes.map((outcome: unknown, index) => {
      const path = `data.outcomes[${index}]`;
      if (!isJsonObject(outcome)) throw new CannotPseudonymise(eventName, path, 'must be an object');
      return outcome.childId === undefined ? { ...outcome } : { ...outcome, childId: pseudonym(outcome.childId, `${path}.childId`) };
    });
  }
  return data;
}
