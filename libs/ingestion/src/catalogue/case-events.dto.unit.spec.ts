import type { FieldError } from '../errors/field-error';
import { validateEventData } from '../validation/validate-event-data';
import type { EventName } from './event-names';
import { EXAMPLE_TODAY, VALID_EXAMPLES } from './valid-examples.fixture';

function example(label: string): { name: EventName; data: Record<string, unknown> } {
  const found = VALID_EXAMPLES.find((candidate) => candidate.label === label);
  if (found === undefined) throw new Error(`no example ${label}`);
  return { name: found.name, data: structuredClone(found.data) };
}

function errorsOf(label: string, change: Record<string, unknown>): FieldError[] {
  const { name, data } = example(label);
  const result = validateEventData(name, { ...data, ...change }, { today: EXAMPLE_TODAY });
  return result.ok ? [] : result.errors;
}

describe('case event data', () => {
  it.each<[string, string, Record<string, unknown>, FieldError[]]>([
    [
      'a local authority that is not a GSS code',
      'ReferralReceived',
      { localAuthority: 'Cardiff' },
      [{ path: 'data.localAuthority', problem: 'must be a GSS code: a capital letter and 8 digits, e.g. W06000015' }],
    ],
    [
      'a lower-case GSS code',
      'ReferralReceived',
      { localAuthority: 'w06000015' },
      [{ path: 'data.localAuthority', problem: expect.stringMatching(/GSS code/) as unknown as string }],
    ],
    ['a blank childId', 'ReferralReceived', { childId: '   ' }, [{ path: 'data.childId', problem: 'must be a non-empty string' }]],
    ['a numeric referralId', 'ReferralReceived', { referralId: 42 }, [{ path: 'data.referralId', problem: 'must be a non-empty string' }]],
    [
      'noFurtherAction as a string',
      'ReferralReceived',
      { noFurtherAction: 'no' },
      [{ path: 'data.noFurtherAction', problem: 'must be true or false' }],
    ],
    [
      'a receivedOn that does not exist',
      'ReferralReceived',
      { receivedOn: '2025-02-30' },
      [{ path: 'data.receivedOn', problem: 'must be a real calendar date YYYY-MM-DD' }],
    ],
    [
      'a receivedOn with a time',
      'ReferralReceived',
      { receivedOn: '2025-06-02T10:00:00Z' },
      [{ path: 'data.receivedOn', problem: 'must be a real calendar date YYYY-MM-DD' }],
    ],
    [
      'a startedOn after the day of ingestion',
      'AssessmentStarted',
      { startedOn: '2025-07-02' },
      [{ path: 'data.startedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a completedOn after the day of ingestion',
      'AssessmentCompleted',
      { completedOn: '2026-01-01' },
      [{ path: 'data.completedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'no childIds',
      'StrategyDiscussionHeld',
      { childIds: [] },
      [{ path: 'data.childIds', problem: 'must be a list of 1 or more non-empty strings' }],
    ],
    [
      'a childIds entry that is not a string',
      'StrategyDiscussionHeld',
      { childIds: ['LA-1', 7] },
      [{ path: 'data.childIds', problem: 'must be a list of 1 or more non-empty strings' }],
    ],
    [
      'a decision outside the list',
      'StrategyDiscussionHeld',
      { decision: 'section-47' },
      [{ path: 'data.decision', problem: 'must be one of: child-protection-enquiry, no-further-action, other' }],
    ],
    [
      'agencies that is not a list',
      'StrategyDiscussionHeld',
      { agencies: 'police' },
      [{ path: 'data.agencies', problem: 'must be a list of non-empty strings' }],
    ],
    [
      'a blank strategyDiscussionId',
      'ChildProtectionEnquiryStarted',
      { strategyDiscussionId: '' },
      [{ path: 'data.strategyDiscussionId', problem: 'must be a non-empty string' }],
    ],
    [
      'outcomes that is not a list',
      'InitialChildProtectionConferenceHeld',
      { outcomes: { childId: 'LA-77120', registered: true } },
      [{ path: 'data.outcomes', problem: 'must be a list of objects' }],
    ],
    [
      'an outcome that is not an object',
      'InitialChildProtectionConferenceHeld',
      { outcomes: ['LA-77120'] },
      [{ path: 'data.outcomes', problem: 'must be a list of objects' }],
    ],
    [
      'childParticipation that is not a list of strings',
      'InitialChildProtectionConferenceHeld',
      { childParticipation: [true] },
      [{ path: 'data.childParticipation', problem: 'must be a list of non-empty strings' }],
    ],
    [
      'transferIn as a number',
      'InitialChildProtectionConferenceHeld',
      { transferIn: 1 },
      [{ path: 'data.transferIn', problem: 'must be true or false' }],
    ],
    [
      'a core group meeting with no planId',
      'CoreGroupMeetingHeld',
      { planId: undefined },
      [{ path: 'data.planId', problem: 'is required' }],
    ],
    [
      'a category outside the list',
      'ChildProtectionPlanStarted',
      { category: 'sexual-exploitation' },
      [{ path: 'data.category', problem: 'must be one of: neglect, physical, emotional, sexual, multiple' }],
    ],
    [
      'a fractional previousPlans',
      'ChildProtectionPlanStarted',
      { previousPlans: 1.5 },
      [{ path: 'data.previousPlans', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'a negative previousPlans',
      'ChildProtectionPlanStarted',
      { previousPlans: -1 },
      [{ path: 'data.previousPlans', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'childParticipated as a string',
      'ChildProtectionReviewHeld',
      { childParticipated: 'yes' },
      [{ path: 'data.childParticipated', problem: 'must be true or false' }],
    ],
    [
      'an end reason outside the list',
      'ChildProtectionPlanEnded',
      { reason: 'closed' },
      [{ path: 'data.reason', problem: 'must be one of: no-longer-at-risk, transferred-out, became-looked-after, turned-18, died, other' }],
    ],
    [
      'a score above scaleMax',
      'OutcomeMeasured',
      { score: 11 },
      [{ path: 'data.score', problem: 'must lie within scaleMin..scaleMax inclusive' }],
    ],
    [
      'a score below scaleMin',
      'OutcomeMeasured',
      { score: -0.5 },
      [{ path: 'data.score', problem: 'must lie within scaleMin..scaleMax inclusive' }],
    ],
    ['a score as a string', 'OutcomeMeasured', { score: '7' }, [{ path: 'data.score', problem: 'must be a number' }]],
    [
      'a scaleMax not above scaleMin',
      'OutcomeMeasured',
      { scaleMin: 10, scaleMax: 10, score: 10 },
      [{ path: 'data.scaleMax', problem: 'must be greater than scaleMin' }],
    ],
    [
      'a rater outside the list',
      'OutcomeMeasured',
      { ratedBy: 'teacher' },
      [{ path: 'data.ratedBy', problem: 'must be one of: child, parent, practitioner' }],
    ],
    [
      'a retractedType that is a board event',
      'RecordRetracted (case)',
      { retractedType: 'BoardMeetingHeld' },
      [
        {
          path: 'data.retractedType',
          problem: expect.stringMatching(/^must be one of: ReferralReceived, .*OutcomeMeasured$/) as unknown as string,
        },
      ],
    ],
    [
      'a retraction of a retraction',
      'RecordRetracted (case)',
      { retractedType: 'RecordRetracted' },
      [{ path: 'data.retractedType', problem: expect.stringMatching(/^must be one of:/) as unknown as string }],
    ],
    [
      'a retraction naming both a local authority and a board',
      'RecordRetracted (case)',
      { boardId: 'cardiff-vale' },
      [{ path: 'data', problem: expect.stringMatching(/either localAuthority .* or boardId/) as unknown as string }],
    ],
  ])('rejects %s', (_what, label, change, expected) => {
    expect(errorsOf(label, change)).toEqual(expected);
  });

  it('accepts a score on either end of the scale', () => {
    expect(errorsOf('OutcomeMeasured', { score: 0 })).toEqual([]);
    expect(errorsOf('OutcomeMeasured', { score: 10 })).toEqual([]);
  });

  it('accepts a date of something that happened on the day of ingestion itself', () => {
    expect(errorsOf('ChildProtectionPlanEnded', { endedOn: EXAMPLE_TODAY })).toEqual([]);
  });

  it('names every failing field at once, nested ones by index', () => {
    const errors = errorsOf('InitialChildProtectionConferenceHeld', {
      conferenceId: undefined,
      childIds: [],
      heldOn: '2025-13-01',
      outcomes: [
        { childId: 'LA-77120', registered: true },
        { childId: '', registered: 'yes', note: 'x' },
      ],
      agenciesAttended: 'police',
    });
    expect(errors).toEqual([
      { path: 'data.conferenceId', problem: 'is required' },
      { path: 'data.childIds', problem: 'must be a list of 1 or more non-empty strings' },
      { path: 'data.heldOn', problem: 'must be a real calendar date YYYY-MM-DD' },
      { path: 'data.outcomes[1].note', problem: 'is not a field of this event (unknown fields are rejected)' },
      { path: 'data.outcomes[1].childId', problem: 'must be a non-empty string' },
      { path: 'data.outcomes[1].registered', problem: 'must be true or false' },
      { path: 'data.agenciesAttended', problem: 'must be a list of non-empty strings' },
    ]);
  });

  it('rejects data that reaches for an object prototype', () => {
    const { name, data } = example('ReferralReceived');
    const raw = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(data).slice(1)}`) as unknown;
    const result = validateEventData(name, raw, { today: EXAMPLE_TODAY });
    expect(result).toEqual({ ok: false, errors: [{ path: 'data.__proto__', problem: expect.stringMatching(/not a field/) }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects data that is not an object, or is nested absurdly deep', () => {
    expect(validateEventData('ReferralReceived', ['x'], { today: EXAMPLE_TODAY })).toEqual({
      ok: false,
      errors: [{ path: 'data', problem: 'must be a JSON object' }],
    });
    let deep: unknown = 'x';
    for (let level = 0; level < 100; level++) deep = [deep];
    const result = validateEventData(
      'StrategyDiscussionHeld',
      { ...example('StrategyDiscussionHeld').data, agencies: deep },
      { today: EXAMPLE_TODAY },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].problem).toMatch(/nested more than 16 levels deep/);
  });
});
