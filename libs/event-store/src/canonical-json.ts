/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no white space, `undefined`
 * members dropped, numbers and strings exactly as `JSON.stringify` writes them (RFC 8785's
 * ordering; its number form equals ECMAScript's). The hash chain and idempotent-retry
 * comparisons use it, so the same value always gives the same text.
 *
 * Appends canonicalise every event, so this is on the hot path. V8's native `JSON.stringify`
 * writes the text; this code only puts keys in order first, by copying the objects whose keys
 * are not in order already (a value whose keys are all in order is written without a copy).
 * JavaScript objects list integer-like keys first, in numeric order ("9" before "10"), whatever
 * the order they were set in, so a value with such a key (or a `__proto__` member, which JSON may
 * carry) is written member by member instead.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inCanonicalOrder(value);
  if (ordered === NOT_ORDERABLE) return writeCanonical(value);
  const text = JSON.stringify(ordered);
  return text === undefined ? 'null' : text;
}

/** Returned when some object in the value has a key that a copy cannot put in canonical order. */
const NOT_ORDERABLE = Symbol('not orderable');

/** The value itself when `JSON.stringify` already writes it canonically, else a copy that it does. */
function inCanonicalOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const ordered = inCanonicalOrder(item);
      if (ordered === NOT_ORDERABLE) return NOT_ORDERABLE;
      if (ordered !== item && copy === undefined) copy = value.slice(0, i);
      copy?.push(ordered);
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return inCanonicalOrder((value as { toJSON: () => unknown }).toJSON());
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const order = canonicalKeyOrder(keys);
  if (order === NOT_ORDERABLE) return NOT_ORDERABLE;
  if (order !== IN_ORDER) {
    const copy: Record<string, unknown> = {};
    for (let i = 0; i < order.length; i++) {
      const key = order[i];
      const ordered = inCanonicalOrder(record[key]);
      if (ordered === NOT_ORDERABLE) return NOT_ORDERABLE;
      copy[key] = ordered;
    }
    return copy;
  }
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const member = record[keys[i]];
    const ordered = inCanonicalOrder(member);
    if (ordered === NOT_ORDERABLE) return NOT_ORDERABLE;
    if (ordered !== member && copy === undefined) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]] = record[keys[j]];
    }
    if (copy !== undefined) copy[keys[i]] = ordered;
  }
  return copy ?? value;
}

/** Returned by {@link canonicalKeyOrder} for keys already in canonical order. */
const IN_ORDER = Symbol('in order');
type KeyOrder = readonly string[] | typeof IN_ORDER | typeof NOT_ORDERABLE;

/**
 * How an object with these keys (in `Object.keys` order) is put in canonical order: as it is,
 * by a copy with the returned key order, or not by a copy at all (see `canonicalJson`).
 *
 * Objects of one kind (the data of every event of a type, every metadata object) share one key
 * order, so the answer is remembered per key order met, for objects of up to
 * {@link MEMO_MAX_KEYS} keys and up to {@link MEMO_MAX_ORDERS} orders: one string join and one
 * look-up instead of comparing and sorting the keys again. Objects used as maps, whose keys
 * vary, fill the memo once and are then worked out each time.
 */
function canonicalKeyOrder(keys: string[]): KeyOrder {
  if (keys.length > MEMO_MAX_KEYS) return workOutKeyOrder(keys);
  const signature = keys.join('\u0000');
  let order = keyOrders.get(signature);
  if (order === undefined) {
    order = workOutKeyOrder([...keys]);
    if (keyOrders.size < MEMO_MAX_ORDERS) keyOrders.set(signature, order);
  }
  return order;
}

function workOutKeyOrder(keys: string[]): KeyOrder {
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const first = key.charCodeAt(0);
    // A digit: possibly an integer-like key. `__proto__`: a copy would set the prototype instead.
    if ((first >= 48 && first <= 57) || key === '__proto__') return NOT_ORDERABLE;
    if (i > 0 && keys[i - 1] > key) sorted = false;
  }
  return sorted ? IN_ORDER : keys.sort();
}

const MEMO_MAX_KEYS = 32;
const MEMO_MAX_ORDERS = 4_096;
const keyOrders = new Map<string, KeyOrder>();

/** Writes canonical JSON member by member: the general form, for values a copy cannot order. */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined || typeof item === 'function' ? 'null' : writeCanonical(item);
    }
    return `${out}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return writeCanonical((value as { toJSON: () => unknown }).toJSON());
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${writeCanonical(member)}`;
  }
  return `${out}}`;
}
