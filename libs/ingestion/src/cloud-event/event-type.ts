import { isEventName, SUPPORTED_MAJORS, type EventName } from '../catalogue/event-names';

/** Every event type starts with this prefix: `safeguarding.<EventName>.v<major>`. */
export const EVENT_TYPE_PREFIX = 'safeguarding.';

const EVENT_TYPE = /^safeguarding\.([A-Za-z]+)\.v([1-9][0-9]{0,5})$/;

/** The CloudEvent `type` of an event name and major version, e.g. `safeguarding.ReferralReceived.v1`. */
export function eventTypeOf(name: EventName, major = 1): string {
  return `${EVENT_TYPE_PREFIX}${name}.v${major}`;
}

export type ParsedEventType = { ok: true; name: EventName; major: number } | { ok: false; problem: string };

/** Accepted types as parsed: there are only as many as the catalogue has names and majors. */
const ACCEPTED = new Map<string, ParsedEventType>();

/** Reads a CloudEvent `type`: the catalogue's event name and a supported major version. */
export function parseEventType(type: unknown): ParsedEventType {
  if (typeof type !== 'string') return { ok: false, problem: 'must be a string safeguarding.<EventName>.v<major>' };
  const accepted = ACCEPTED.get(type);
  if (accepted !== undefined) return accepted;
  const parsed = parseNewEventType(type);
  if (parsed.ok) ACCEPTED.set(type, Object.freeze(parsed));
  return parsed;
}

function parseNewEventType(type: string): ParsedEventType {
  const match = EVENT_TYPE.exec(type);
  if (match === null) {
    return { ok: false, problem: 'must be safeguarding.<EventName>.v<major>, e.g. safeguarding.ReferralReceived.v1' };
  }
  const name = match[1];
  if (!isEventName(name)) {
    return { ok: false, problem: 'must name an event of the catalogue: safeguarding.<EventName>.v<major>' };
  }
  const major = Number(match[2]);
  const supported = SUPPORTED_MAJORS[name];
  if (!supported.includes(major)) {
    return {
      ok: false,
      problem: `must name a supported version of ${name}: ${supported.map((v) => `v${v}`).join(', ')}`,
    };
  }
  return { ok: true, name, major };
}
