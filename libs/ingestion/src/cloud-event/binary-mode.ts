import type { FieldError } from '../errors/field-error';
import { MAX_EVENT_BYTES } from './size-limits';
import { parseStructuredEvent, toFieldError } from './structured-mode';

/** A Kafka header value as kafkajs delivers it. */
export type KafkaHeaderValue = Buffer | string | ReadonlyArray<Buffer | string> | undefined;
export type KafkaHeaders = Readonly<Record<string, KafkaHeaderValue>>;

/** A Kafka message turned into a structured CloudEvent, still to be validated with `validateCloudEvent`. */
export type DecodedKafkaEvent = { ok: true; raw: unknown; byteLength: number } | { ok: false; errors: FieldError[] };

const CE_PREFIX = 'ce_';

function headerText(value: Buffer | string): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** True when a Kafka message is in binary mode: its CloudEvent attributes travel as `ce_*` headers. */
export function isBinaryMode(headers: KafkaHeaders | undefined): boolean {
  if (headers === undefined) return false;
  return Object.keys(headers).some((name) => name.toLowerCase() === 'ce_specversion' && headers[name] !== undefined);
}

/**
 * Builds the structured-mode event of a binary-mode Kafka message: every `ce_<name>` header becomes
 * attribute `<name>` (`ce_specversion`, `ce_id`, `ce_source`, `ce_type`, `ce_time` and extensions),
 * `content-type` becomes `datacontenttype`, and the message value, parsed as JSON, becomes `data`.
 * Header names are matched without regard to case. A header given more than once, a value over
 * 256 KiB or a value that is not JSON is reported; nothing else is checked here.
 */
export function structuredFromBinary(headers: KafkaHeaders, value: Buffer | string | null | undefined): DecodedKafkaEvent {
  const errors: FieldError[] = [];
  const event = Object.create(null) as Record<string, unknown>;
  for (const [name, headerValue] of Object.entries(headers)) {
    if (headerValue === undefined) continue;
    const lower = name.toLowerCase();
    let attribute: string;
    if (lower === 'content-type') attribute = 'datacontenttype';
    else if (lower.startsWith(CE_PREFIX) && lower.length > CE_PREFIX.length) attribute = lower.slice(CE_PREFIX.length);
    else continue;
    if (attribute === 'data' || attribute === 'data_base64') {
      errors.push({ path: attribute, problem: 'travels as the message value in binary mode, not as a header' });
      continue;
    }
    const values = Array.isArray(headerValue) ? (headerValue as ReadonlyArray<Buffer | string>) : [headerValue as Buffer | string];
    if (values.length !== 1 || Object.hasOwn(event, attribute)) {
      errors.push({ path: attribute, problem: `must be given once (header ${lower})` });
      continue;
    }
    event[attribute] = headerText(values[0]);
  }

  const byteLength = value == null ? 0 : typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.byteLength;
  if (byteLength > MAX_EVENT_BYTES) {
    errors.push({ path: 'data', problem: `must not exceed ${MAX_EVENT_BYTES} bytes (256 KiB)` });
  } else if (byteLength > 0) {
    try {
      event.data = JSON.parse(typeof value === 'string' ? value : (value as Buffer).toString('utf8')) as unknown;
    } catch {
      errors.push({ path: 'data', problem: 'must be a JSON object (the message value is not valid JSON)' });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, raw: event, byteLength };
}

/**
 * Reads a CloudEvent from a Kafka message in either mode: binary when a `ce_specversion` header is
 * present, else structured (the value is the whole event as JSON).
 */
export function decodeKafkaCloudEvent(headers: KafkaHeaders | undefined, value: Buffer | string | null | undefined): DecodedKafkaEvent {
  if (headers !== undefined && isBinaryMode(headers)) return structuredFromBinary(headers, value);
  if (value == null || value.length === 0) return { ok: false, errors: [{ path: '', problem: 'is required: the message has no value' }] };
  const parsed = parseStructuredEvent(value);
  return parsed.ok ? parsed : { ok: false, errors: [toFieldError(parsed.error)] };
}
