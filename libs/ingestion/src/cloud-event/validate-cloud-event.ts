import type { EventData } from '../catalogue/event-catalogue';
import type { EventName } from '../catalogue/event-names';
import type { FieldError } from '../errors/field-error';
import { InvalidCloudEvent, InvalidIngestionDay } from '../errors/ingestion.errors';
import { isCalendarDate } from '../validation/calendar-date';
import { isNonEmptyString } from '../validation/field-rules.decorators';
import { isJsonObject } from '../validation/rule';
import { validateEventData, type IngestionContext } from '../validation/validate-event-data';
import { isCloudEventAttributeName, isJsonMediaType, isRfc3339Instant, isUriReference } from './envelope-rules';
import { parseEventType } from './event-type';
import { MAX_EVENT_BYTES } from './size-limits';

/** A CloudEvent that passed the envelope and data contract, typed by its event name. */
export interface ValidatedCloudEventOf<N extends EventName> {
  /** Event name from the `type`, e.g. `ReferralReceived`. */
  name: N;
  /** Major version from the `type`. */
  major: number;
  /** The CloudEvent `type` as sent. */
  type: string;
  /** CloudEvent `id`, unique within `source`. */
  id: string;
  /** CloudEvent `source`, naming the sending system. */
  source: string;
  /** RFC 3339 instant the fact occurred in the source system, when sent. */
  time?: string;
  /** The validated data: a fresh plain object, child identifiers still raw (pseudonymise next). */
  data: EventData<N>;
}

/** A validated CloudEvent of any type; narrow on `name`. */
export type ValidatedCloudEvent = { [N in EventName]: ValidatedCloudEventOf<N> }[EventName];

export interface CloudEventValidationContext extends IngestionContext {
  /** Size of the event as received, in bytes; over 256 KiB the event is refused unread. */
  byteLength?: number;
}

export type CloudEventValidationResult = { ok: true; event: ValidatedCloudEvent } | { ok: false; errors: FieldError[] };

/** Context attributes of CloudEvents 1.0 this contract reads; any other is an extension attribute. */
const CONTEXT_ATTRIBUTES = new Set(['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'dataschema', 'subject', 'data']);

/**
 * Validates one CloudEvent 1.0 in structured mode (a parsed JSON object) against events.md: the
 * envelope (`specversion` "1.0", `id`, `source` a URI-reference, `type`
 * `safeguarding.<EventName>.v<major>` of the catalogue, optional RFC 3339 `time`,
 * `datacontenttype` `application/json` when present) and the data of its type. Every failing
 * field is listed; no problem text contains a submitted value.
 *
 * Extension attributes (lower-case letters and digits, e.g. `traceparent`) are accepted as
 * CloudEvents requires, but not returned; nor are `subject` and `dataschema`. `data_base64` is
 * refused: data must be a JSON object.
 *
 * @throws InvalidIngestionDay when `ctx.today` is not a calendar date (a programming error).
 */
export function validateCloudEvent(raw: unknown, ctx: CloudEventValidationContext): CloudEventValidationResult {
  if (!isCalendarDate(ctx.today)) throw new InvalidIngestionDay(ctx.today);
  if (ctx.byteLength !== undefined && ctx.byteLength > MAX_EVENT_BYTES) {
    return { ok: false, errors: [{ path: '', problem: `must not exceed ${MAX_EVENT_BYTES} bytes (256 KiB)` }] };
  }
  if (!isJsonObject(raw)) {
    return { ok: false, errors: [{ path: '', problem: 'must be a JSON object (a CloudEvent in structured mode)' }] };
  }
  const errors: FieldError[] = [];
  checkEnvelope(raw, errors);
  const type = parseEventType(raw.type);
  if (raw.type === undefined) errors.push({ path: 'type', problem: 'is required' });
  else if (!type.ok) errors.push({ path: 'type', problem: type.problem });

  let data: unknown;
  if (raw.data === undefined || raw.data === null) {
    errors.push({ path: 'data', problem: 'is required' });
  } else if (!isJsonObject(raw.data)) {
    errors.push({ path: 'data', problem: 'must be a JSON object' });
  } else if (type.ok) {
    const result = validateEventData(type.name, raw.data, ctx);
    if (result.ok) data = result.data;
    else errors.push(...result.errors);
  }

  if (errors.length > 0 || !type.ok) return { ok: false, errors };
  const event = {
    name: type.name,
    major: type.major,
    type: raw.type as string,
    id: raw.id as string,
    source: raw.source as string,
    ...(typeof raw.time === 'string' ? { time: raw.time } : {}),
    data,
  } as ValidatedCloudEvent;
  return { ok: true, event };
}

/**
 * As {@link validateCloudEvent}, for callers that treat an invalid event as an error.
 *
 * @throws InvalidCloudEvent naming every failing field.
 */
export function assertValidCloudEvent(raw: unknown, ctx: CloudEventValidationContext): ValidatedCloudEvent {
  const result = validateCloudEvent(raw, ctx);
  if (!result.ok) throw new InvalidCloudEvent(result.errors);
  return result.event;
}

function checkEnvelope(raw: Record<string, unknown>, errors: FieldError[]): void {
  if (raw.specversion === undefined) errors.push({ path: 'specversion', problem: 'is required' });
  else if (raw.specversion !== '1.0') errors.push({ path: 'specversion', problem: 'must be "1.0"' });

  if (raw.id === undefined) errors.push({ path: 'id', problem: 'is required' });
  else if (!isNonEmptyString(raw.id)) errors.push({ path: 'id', problem: 'must be a non-empty string' });

  if (raw.source === undefined) errors.push({ path: 'source', problem: 'is required' });
  else if (!isUriReference(raw.source)) {
    errors.push({ path: 'source', problem: 'must be a URI-reference, e.g. urn:case-system:wccis:W06000015' });
  }

  if (raw.time != null && !isRfc3339Instant(raw.time)) {
    errors.push({ path: 'time', problem: 'must be an RFC 3339 date-time with an offset, e.g. 2025-06-20T10:30:00Z' });
  }
  if (raw.datacontenttype != null && !isJsonMediaType(raw.datacontenttype)) {
    errors.push({ path: 'datacontenttype', problem: 'must be application/json when present' });
  }
  if (raw.dataschema != null && !isUriReference(raw.dataschema)) {
    errors.push({ path: 'dataschema', problem: 'must be a URI-reference when present' });
  }
  if (raw.subject != null && !isNonEmptyString(raw.subject)) {
    errors.push({ path: 'subject', problem: 'must be a non-empty string when present' });
  }

  for (const name of Object.keys(raw)) {
    if (CONTEXT_ATTRIBUTES.has(name)) continue;
    if (name === 'data_base64') {
      errors.push({ path: name, problem: 'is not accepted: data must be a JSON object in data' });
    } else if (!isCloudEventAttributeName(name)) {
      errors.push({ path: name, problem: 'is not a CloudEvents attribute (names are lower-case letters and digits)' });
    } else if (!isExtensionValue(raw[name])) {
      errors.push({ path: name, problem: 'must be a string, an integer or a boolean (an extension attribute)' });
    }
  }
}

function isExtensionValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isSafeInteger(value);
}
