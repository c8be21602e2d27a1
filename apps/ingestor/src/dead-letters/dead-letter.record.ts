import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FieldError, RejectionKind } from '@app/ingestion';
import type { KafkaHeaderValue, KafkaIncomingMessage, KafkaOutgoingMessage } from '@app/kafka';
import type { DeadLetterCipher, SealedBytes } from './dead-letter.cipher';
import { UnreadableDeadLetter } from './dead-letters.errors';

/** Why a message was dead-lettered: it could not be read as a CloudEvent, or ingestion rejected it. */
export type DeadLetterReason = 'undecodable' | RejectionKind;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * A poison message as kept on the dead-letter topic. Only `sealed` holds anything submitted (the
 * original key, value and headers, compressed then encrypted): the reason and field errors name
 * rules, never values, so the raw child identifier is never dead-lettered in clear.
 */
export interface DeadLetter {
  /** `<topic>/<partition>/<offset>` of the original message: stable across repeated dead-lettering. */
  id: string;
  source: DeadLetterSource;
  reason: DeadLetterReason;
  rule?: string;
  errors: FieldError[];
  /** The CloudEvent `id` and `source`, when the message had usable ones. */
  cloudEvent: { id: string | null; source: string | null };
  deadLetteredAt: string;
  sealed: SealedBytes;
}

/** The original message, as sealed. */
export interface OriginalMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
}

/**
 * On the topic a dead letter is one Kafka message: the value is the ciphertext itself (no base64,
 * so a dead letter is about as large as its original, compressed), and everything else travels in
 * headers, `dl-report` holding the rest of {@link DeadLetter} as JSON.
 */
export const DEAD_LETTER_HEADERS = {
  report: 'dl-report',
  reason: 'dl-reason',
  sourceTopic: 'dl-source-topic',
  sourcePartition: 'dl-source-partition',
  sourceOffset: 'dl-source-offset',
  keyId: 'dl-key-id',
  redriven: 'dl-redriven',
} as const;

/** Header on a re-published message naming the dead letter it came from. */
export const REDRIVEN_FROM_HEADER = 'ledger-redriven-from';

export function deadLetterIdOf(source: DeadLetterSource): string {
  return `${source.topic}/${source.partition}/${source.offset}`;
}

/** Frame: 4-byte length of a JSON part (key and headers, base64), that part, then the value; deflated. */
export function sealOriginal(cipher: DeadLetterCipher, source: DeadLetterSource, message: KafkaIncomingMessage): SealedBytes {
  const meta = Buffer.from(
    JSON.stringify({
      key: message.key?.toString('base64') ?? null,
      hasValue: message.value !== null,
      headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, value.toString('base64')])),
    }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(meta.length);
  const frame = Buffer.concat([length, meta, message.value ?? Buffer.alloc(0)]);
  return cipher.seal(deflateRawSync(frame), deadLetterIdOf(source));
}

export function openOriginal(cipher: DeadLetterCipher, deadLetter: DeadLetter): OriginalMessage {
  const frame = inflateRawSync(cipher.open(deadLetter.sealed, deadLetter.id));
  const metaLength = frame.readUInt32BE(0);
  const meta = JSON.parse(frame.subarray(4, 4 + metaLength).toString('utf8')) as {
    key: string | null;
    hasValue: boolean;
    headers: Record<string, string>;
  };
  return {
    key: meta.key === null ? null : Buffer.from(meta.key, 'base64'),
    value: meta.hasValue ? Buffer.from(frame.subarray(4 + metaLength)) : null,
    headers: Object.fromEntries(Object.entries(meta.headers).map(([name, value]) => [name, Buffer.from(value, 'base64')])),
  };
}

export function deadLetterMessage(deadLetter: DeadLetter): KafkaOutgoingMessage {
  const { sealed, ...report } = deadLetter;
  const { ciphertext, ...seal } = sealed;
  const headers: Record<string, KafkaHeaderValue> = {
    [DEAD_LETTER_HEADERS.report]: JSON.stringify({ ...report, seal }),
    [DEAD_LETTER_HEADERS.reason]: deadLetter.reason,
    [DEAD_LETTER_HEADERS.sourceTopic]: deadLetter.source.topic,
    [DEAD_LETTER_HEADERS.sourcePartition]: String(deadLetter.source.partition),
    [DEAD_LETTER_HEADERS.sourceOffset]: deadLetter.source.offset,
    [DEAD_LETTER_HEADERS.keyId]: sealed.keyId,
  };
  return { key: deadLetter.id, value: ciphertext, headers };
}

/** Written after a dead letter was re-published to its source topic; `list` leaves it out from then on. */
export function redrivenMessage(id: string): KafkaOutgoingMessage {
  return { key: id, value: Buffer.alloc(0), headers: { [DEAD_LETTER_HEADERS.redriven]: id } };
}

/** Reads a record of the dead-letter topic: a dead letter, or the id of a redriven one. */
export function readDeadLetterRecord(message: KafkaIncomingMessage, where: string): DeadLetter | { redriven: string } {
  const redriven = message.headers[DEAD_LETTER_HEADERS.redriven];
  if (redriven !== undefined) return { redriven: redriven.toString('utf8') };
  const report = message.headers[DEAD_LETTER_HEADERS.report];
  if (report === undefined) throw new UnreadableDeadLetter(where, `it has no ${DEAD_LETTER_HEADERS.report} header`);
  let parsed: Omit<DeadLetter, 'sealed'> & { seal: Omit<SealedBytes, 'ciphertext'> };
  try {
    parsed = JSON.parse(report.toString('utf8')) as typeof parsed;
  } catch {
    throw new UnreadableDeadLetter(where, `its ${DEAD_LETTER_HEADERS.report} header is not JSON`);
  }
  const { seal, ...rest } = parsed;
  if (typeof rest.id !== 'string' || seal === undefined) throw new UnreadableDeadLetter(where, 'it is not a dead letter of this ledger');
  return { ...rest, sealed: { ...seal, ciphertext: message.value ?? Buffer.alloc(0) } };
}
