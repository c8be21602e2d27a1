import { hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';
import { BoardKeyUnavailable, InvalidKeyRingConfiguration } from '../errors/ingestion.errors';

/** Shortest key (bytes) accepted for a board key or the master secret: HMAC-SHA-256's output size. */
export const MIN_KEY_BYTES = 32;

/**
 * How a board's key is derived when none is configured for it: HKDF (RFC 5869) with SHA-256 over
 * the master secret, this fixed salt and the info `board:<boardId>`, 32 bytes long. These constants
 * are part of every stored pseudonym: changing one, or the master secret, gives every child of every
 * derived-key board a new pseudonym, unlinkable to the old. They are versioned, never edited.
 */
export const BOARD_KEY_DERIVATION = Object.freeze({
  hash: 'sha256',
  salt: 'safeguarding-evidence-ledger/board-key/v1',
  infoPrefix: 'board:',
  length: 32,
});

/** Key ring configuration; each key written `hex:<hex digits>` or `base64:<base64>`, at least 32 bytes. */
export interface BoardKeyRingConfig {
  /** Explicit keys by board id; they win over derivation. */
  boardKeys?: Readonly<Record<string, string>>;
  /** Secret from which the key of a board without an explicit key is derived (see {@link BOARD_KEY_DERIVATION}). */
  masterSecret?: string;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes key material written `hex:<digits>` or `base64:<text>` (the prefix removes the ambiguity
 * of a hex string that is also valid base64).
 *
 * @throws InvalidKeyRingConfiguration naming `setting` and the rule, never the key.
 */
export function decodeKeyMaterial(setting: string, text: string): Buffer {
  let key: Buffer;
  if (text.startsWith('hex:') && HEX.test(text.slice(4))) key = Buffer.from(text.slice(4), 'hex');
  else if (text.startsWith('base64:') && text.length > 7 && BASE64.test(text.slice(7))) key = Buffer.from(text.slice(7), 'base64');
  else throw new InvalidKeyRingConfiguration(setting, 'must be written hex:<hex digits> or base64:<base64>');
  if (key.length < MIN_KEY_BYTES) {
    throw new InvalidKeyRingConfiguration(setting, `must be at least ${MIN_KEY_BYTES} bytes long, is ${key.length}`);
  }
  return key;
}

/** A board's key derived from the master secret (HKDF-SHA-256, see {@link BOARD_KEY_DERIVATION}). */
export function deriveBoardKey(masterSecret: Buffer, boardId: string): Buffer {
  const { hash, salt, infoPrefix, length } = BOARD_KEY_DERIVATION;
  return Buffer.from(hkdfSync(hash, masterSecret, salt, `${infoPrefix}${boardId}`, length));
}

/**
 * Reads explicit board keys from one setting (an environment variable), entries separated by
 * commas: `cardiff-vale=hex:00ff...,gwent=base64:q83v...`.
 *
 * @throws InvalidKeyRingConfiguration naming the entry, never the key.
 */
export function parseBoardKeySetting(text: string): Record<string, string> {
  const keys: Record<string, string> = {};
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .forEach((entry, index) => {
      const equals = entry.indexOf('=');
      const boardId = equals > 0 ? entry.slice(0, equals).trim() : '';
      if (boardId.length === 0) throw new InvalidKeyRingConfiguration(`boardKeys entry ${index + 1}`, 'must be written <boardId>=<key>');
      if (Object.hasOwn(keys, boardId)) throw new InvalidKeyRingConfiguration(`boardKeys.${boardId}`, 'is given more than once');
      keys[boardId] = entry.slice(equals + 1).trim();
    });
  return keys;
}

/**
 * The pseudonymisation key of each board. A board's key is the one configured for it, or else one
 * derived from the master secret with HKDF per board id ({@link BOARD_KEY_DERIVATION}); with
 * neither, `keyFor` throws. Keys are decoded and checked when the ring is built (fail fast at boot).
 *
 * The ring never reveals key material when logged: `toString`, `toJSON` and `util.inspect` show
 * the board ids and whether a master secret is set, nothing more.
 */
export class BoardKeyRing {
  readonly #explicit: ReadonlyMap<string, Buffer>;
  readonly #master: Buffer | undefined;
  readonly #derived = new Map<string, Buffer>();

  private constructor(explicit: ReadonlyMap<string, Buffer>, master: Buffer | undefined) {
    this.#explicit = explicit;
    this.#master = master;
  }

  /** @throws InvalidKeyRingConfiguration naming the bad setting. */
  static fromConfig(config: BoardKeyRingConfig): BoardKeyRing {
    const explicit = new Map<string, Buffer>();
    for (const [boardId, text] of Object.entries(config.boardKeys ?? {})) {
      if (boardId.trim().length === 0) throw new InvalidKeyRingConfiguration('boardKeys', 'has an empty board id');
      explicit.set(boardId, decodeKeyMaterial(`boardKeys.${boardId}`, text));
    }
    const master =
      config.masterSecret === undefined || config.masterSecret === '' ? undefined : decodeKeyMaterial('masterSecret', config.masterSecret);
    return new BoardKeyRing(explicit, master);
  }

  /**
   * The board's key (a copy: changing it changes nothing in the ring).
   *
   * @throws BoardKeyUnavailable when the board has no key and no master secret is set.
   */
  keyFor(boardId: string): Buffer {
    const explicit = this.#explicit.get(boardId);
    if (explicit !== undefined) return Buffer.from(explicit);
    if (this.#master === undefined) throw new BoardKeyUnavailable(boardId);
    let derived = this.#derived.get(boardId);
    if (derived === undefined) {
      derived = deriveBoardKey(this.#master, boardId);
      this.#derived.set(boardId, derived);
    }
    return Buffer.from(derived);
  }

  /** True when the board has an explicitly configured key (rather than a derived one). */
  hasExplicitKey(boardId: string): boolean {
    return this.#explicit.has(boardId);
  }

  /** True when `keyFor(boardId)` would answer. */
  canProvideKeyFor(boardId: string): boolean {
    return this.#explicit.has(boardId) || this.#master !== undefined;
  }

  toJSON(): { boardsWithExplicitKeys: string[]; masterSecret: 'set' | 'not set' } {
    return { boardsWithExplicitKeys: [...this.#explicit.keys()], masterSecret: this.#master ? 'set' : 'not set' };
  }

  toString(): string {
    const { boardsWithExplicitKeys, masterSecret } = this.toJSON();
    return `BoardKeyRing(explicit keys for: ${boardsWithExplicitKeys.join(', ') || 'none'}; master secret ${masterSecret})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
