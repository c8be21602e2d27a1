import fc from 'fast-check';
import { EXAMPLE_TODAY, VALID_EXAMPLES, cloudEventOf } from '../catalogue/valid-examples.fixture';
import { InvalidCloudEvent, InvalidIngestionDay } from '../errors/ingestion.errors';
import { assertValidCloudEvent, validateCloudEvent } from './validate-cloud-event';

const ctx = { today: EXAMPLE_TODAY };

function exampleData(label: string): Record<string, unknown> {
  const found = VALID_EXAMPLES.find((example) => example.label === label);
  if (found === undefined) throw new Error(`no example ${label}`);
  return structuredClone(found.data);
}

const icpc = () => cloudEventOf('InitialChildProtectionConferenceHeld', exampleData('InitialChildProtectionConferenceHeld'));

describe('validateCloudEvent', () => {
  it('accepts the example of events.md and returns it typed', () => {
    const result = validateCloudEvent(icpc(), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({
      name: 'InitialChildProtectionConferenceHeld',
      major: 1,
      type: 'safeguarding.InitialChildProtectionConferenceHeld.v1',
      id: 'evt-1',
      source: 'urn:case-system:wccis:W06000015',
      time: '2025-06-20T10:30:00Z',
    });
    if (result.event.name === 'InitialChildProtectionConferenceHeld') {
      expect(result.event.data.outcomes[1]).toEqual({ childId: 'LA-77121', registered: false });
    }
  });

  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))('accepts a valid %s event', (_label, example) => {
    expect(validateCloudEvent(cloudEventOf(example.name, example.data), ctx).ok).toBe(true);
  });

  it('accepts an event without the optional attributes', () => {
    const event = icpc();
    delete event.time;
    delete event.datacontenttype;
    const result = validateCloudEvent(event, ctx);
    expect(result.ok && result.event.time).toBe(undefined);
    expect(result.ok).toBe(true);
  });

  it('names every failing attribute and data field at once', () => {
    const event: Record<string, unknown> = {
      ...icpc(),
      specversion: '0.3',
      id: '',
      source: 'not a uri',
      time: '2025-06-20 10:30',
      datacontenttype: 'text/plain',
    };
    (event.data as Record<string, unknown>).heldOn = '2025-07-02';
    (event.data as { outcomes: Array<Record<string, unknown>> }).outcomes[1].registered = 'yes';
    const result = validateCloudEvent(event, ctx);
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'specversion', problem: 'must be "1.0"' },
        { path: 'id', problem: 'must be a non-empty string' },
        { path: 'source', problem: 'must be a URI-reference, e.g. urn:case-system:wccis:W06000015' },
        { path: 'time', problem: 'must be an RFC 3339 date-time with an offset, e.g. 2025-06-20T10:30:00Z' },
        { path: 'datacontenttype', problem: 'must be application/json when present' },
        { path: 'data.heldOn', problem: 'must not be after the day of ingestion 2025-07-01' },
        { path: 'data.outcomes[1].registered', problem: 'must be true or false' },
      ],
    });
  });

  it('reports missing attributes as required', () => {
    expect(validateCloudEvent({}, ctx)).toEqual({
      ok: false,
      errors: [
        { path: 'specversion', problem: 'is required' },
        { path: 'id', problem: 'is required' },
        { path: 'source', problem: 'is required' },
        { path: 'type', problem: 'is required' },
        { path: 'data', problem: 'is required' },
      ],
    });
  });

  it.each([
    ['safeguarding.ReferralReceived', /^must be safeguarding\.<EventName>\.v<major>/],
    ['safeguarding.ReferralRecieved.v1', /^must name an event of the catalogue/],
    ['safeguarding.ReferralReceived.v2', /^must name a supported version of ReferralReceived: v1$/],
    ['uk.gov.ReferralReceived.v1', /^must be safeguarding/],
  ])('rejects the type %s', (type, problem) => {
    const result = validateCloudEvent({ ...icpc(), type }, ctx);
    expect(result).toEqual({ ok: false, errors: [{ path: 'type', problem: expect.stringMatching(problem) }] });
  });

  it('rejects a future heldOn but accepts a future dueOn', () => {
    const future = '2025-07-02';
    const meeting = cloudEventOf('BoardMeetingHeld', { ...exampleData('BoardMeetingHeld'), heldOn: future });
    const action = cloudEventOf('ActionAssigned', { ...exampleData('ActionAssigned'), dueOn: future });
    expect(validateCloudEvent(meeting, ctx)).toEqual({
      ok: false,
      errors: [{ path: 'data.heldOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    });
    expect(validateCloudEvent(action, ctx).ok).toBe(true);
  });

  it('judges "the future" by the day of ingestion it is given', () => {
    const event = cloudEventOf('BoardMeetingHeld', { ...exampleData('BoardMeetingHeld'), heldOn: '2025-07-02' });
    expect(validateCloudEvent(event, { today: '2025-07-02' }).ok).toBe(true);
  });

  it('accepts a leap day only in a leap year', () => {
    const on = (receivedOn: string) =>
      validateCloudEvent(cloudEventOf('ReferralReceived', { ...exampleData('ReferralReceived'), receivedOn }), ctx);
    expect(on('2024-02-29').ok).toBe(true);
    expect(on('2025-02-29')).toEqual({
      ok: false,
      errors: [{ path: 'data.receivedOn', problem: 'must be a real calendar date YYYY-MM-DD' }],
    });
    expect(on('2025-02-30').ok).toBe(false);
  });

  it('accepts extension attributes without returning them, and refuses attribute names CloudEvents forbids', () => {
    const accepted = validateCloudEvent({ ...icpc(), traceparent: '00-abc-def-01', partitionkey: 'LA-77120' }, ctx);
    expect(accepted.ok).toBe(true);
    expect(JSON.stringify(accepted)).not.toContain('traceparent');
    expect(validateCloudEvent({ ...icpc(), Trace_Parent: 'x', data_base64: 'e30=', sequence: { n: 1 } }, ctx)).toEqual({
      ok: false,
      errors: [
        { path: 'Trace_Parent', problem: 'is not a CloudEvents attribute (names are lower-case letters and digits)' },
        { path: 'data_base64', problem: 'is not accepted: data must be a JSON object in data' },
        { path: 'sequence', problem: 'must be a string, an integer or a boolean (an extension attribute)' },
      ],
    });
  });

  it('rejects data that is not a JSON object', () => {
    expect(validateCloudEvent({ ...icpc(), data: '{"a":1}' }, ctx)).toEqual({
      ok: false,
      errors: [{ path: 'data', problem: 'must be a JSON object' }],
    });
  });

  it('refuses, unread, an event said to be over 256 KiB', () => {
    expect(validateCloudEvent(icpc(), { ...ctx, byteLength: 256 * 1024 }).ok).toBe(true);
    expect(validateCloudEvent(icpc(), { ...ctx, byteLength: 256 * 1024 + 1 })).toEqual({
      ok: false,
      errors: [{ path: '', problem: 'must not exceed 262144 bytes (256 KiB)' }],
    });
  });

  it('rejects something that is not an event at all', () => {
    expect(validateCloudEvent([icpc()], ctx)).toEqual({
      ok: false,
      errors: [{ path: '', problem: 'must be a JSON object (a CloudEvent in structured mode)' }],
    });
  });

  it('throws on an ingestion day that is not a date, a programming error', () => {
    expect(() => validateCloudEvent(icpc(), { today: '01/07/2025' })).toThrow(InvalidIngestionDay);
  });

  it('throws InvalidCloudEvent from assertValidCloudEvent, naming the fields', () => {
    expect(() => assertValidCloudEvent({ ...icpc(), specversion: '2.0' }, ctx)).toThrow(InvalidCloudEvent);
    expect(() => assertValidCloudEvent({ ...icpc(), specversion: '2.0' }, ctx)).toThrow(/specversion must be "1.0"/);
  });

  it('never echoes a submitted child identifier in an error, whatever else is wrong', () => {
    const childId = fc.string({ maxLength: 30 }).map((suffix) => `CHILD-${suffix}`);
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(
        childId,
        fc.record(
          { heldOn: anyValue, registered: anyValue, conferenceId: anyValue, decision: anyValue, extra: anyValue },
          { requiredKeys: [] },
        ),
        fc.constantFrom('StrategyDiscussionHeld', 'InitialChildProtectionConferenceHeld', 'ReferralReceived', 'OutcomeMeasured'),
        (id, noise, name) => {
          const data: Record<string, unknown> = {
            localAuthority: id,
            childId: id,
            childIds: [id, id, 7],
            childParticipation: [id, { id }],
            outcomes: [{ childId: id, registered: noise.registered ?? 'x', [id]: id }, id],
            ...noise,
            [id]: id,
          };
          const result = validateCloudEvent({ ...cloudEventOf(name, data), id, subject: id }, ctx);
          expect(result.ok).toBe(false);
          if (!result.ok) for (const error of result.errors) expect(error.problem).not.toContain(id);
        },
      ),
      { numRuns: 300 },
    );
  });
});
