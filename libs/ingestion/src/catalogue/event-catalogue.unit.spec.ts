import { validateEventData } from '../validation/validate-event-data';
import { EVENT_NAMES, isBoardEvent, isCaseEvent, type EventName } from './event-names';
import { EXAMPLE_TODAY, VALID_EXAMPLES } from './valid-examples.fixture';

const ctx = { today: EXAMPLE_TODAY };

/** The `?` fields of events.md; every other field of an example is required. */
const OPTIONAL_FIELDS: Partial<Record<EventName, readonly string[]>> = {
  ReferralReceived: ['source', 'noFurtherAction'],
  AssessmentStarted: ['referralId'],
  AssessmentCompleted: ['referralId'],
  StrategyDiscussionHeld: ['agencies'],
  ChildProtectionEnquiryStarted: ['strategyDiscussionId'],
  InitialChildProtectionConferenceHeld: [
    'strategyDiscussionId',
    'enquiryId',
    'transferIn',
    'childParticipation',
    'agenciesInvited',
    'agenciesAttended',
  ],
  ChildProtectionPlanStarted: ['conferenceId', 'previousPlans'],
  ChildProtectionReviewHeld: ['childParticipated'],
  PartnerJoined: ['name', 'kind', 'statutory'],
  PartnerLeft: ['name', 'kind', 'statutory'],
  StrategicPriorityDefined: ['metricCodes'],
  AuditCompleted: [],
  ActionAssigned: ['arisingFrom'],
  EngagementActivityHeld: ['summary'],
  MetricTargetSet: ['amberWithin'],
};

describe('the event catalogue', () => {
  it('has a valid example of every event name', () => {
    expect(new Set(VALID_EXAMPLES.map((example) => example.name))).toEqual(new Set(EVENT_NAMES));
  });

  it('puts RecordRetracted in both catalogues and every other event in exactly one', () => {
    for (const name of EVENT_NAMES) {
      expect(isCaseEvent(name) && isBoardEvent(name)).toBe(name === 'RecordRetracted');
      expect(isCaseEvent(name) || isBoardEvent(name)).toBe(true);
    }
    expect(isCaseEvent('BoardMeetingHeld')).toBe(false);
    expect(isBoardEvent('ReferralReceived')).toBe(false);
  });

  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))('accepts a valid %s', (_label, example) => {
    const result = validateEventData(example.name, example.data, ctx);
    expect(result).toEqual({ ok: true, data: example.data });
  });

  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))(
    'requires every field of %s that events.md does not mark optional',
    (_label, example) => {
      const optional = new Set(OPTIONAL_FIELDS[example.name] ?? []);
      for (const field of Object.keys(example.data)) {
        const data = { ...example.data };
        delete data[field];
        const result = validateEventData(example.name, data, ctx);
        if (optional.has(field)) {
          expect(result.ok).toBe(true);
        } else {
          expect(result).toEqual({ ok: false, errors: [{ path: `data.${field}`, problem: 'is required' }] });
        }
      }
    },
  );

  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))('rejects an unknown field in %s', (_label, example) => {
    const result = validateEventData(example.name, { ...example.data, recievedOn: '2025-06-01' }, ctx);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'data.recievedOn', problem: 'is not a field of this event (unknown fields are rejected)' }],
    });
  });

  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))(
    'treats an optional field sent as null as left out in %s',
    (_label, example) => {
      const optional = OPTIONAL_FIELDS[example.name] ?? [];
      if (optional.length === 0) return;
      const withNulls = { ...example.data, ...Object.fromEntries(optional.map((field) => [field, null])) };
      const result = validateEventData(example.name, withNulls, ctx);
      expect(result.ok).toBe(true);
      if (result.ok) for (const field of optional) expect(result.data).not.toHaveProperty(field);
    },
  );

  it('returns a copy that shares nothing with the input', () => {
    const example = VALID_EXAMPLES.find((e) => e.name === 'InitialChildProtectionConferenceHeld')!;
    const result = validateEventData('InitialChildProtectionConferenceHeld', example.data, ctx);
    if (!result.ok) throw new Error('expected the example to be valid');
    result.data.outcomes[0].registered = false;
    expect((example.data.outcomes as Array<{ registered: boolean }>)[0].registered).toBe(true);
  });
});
