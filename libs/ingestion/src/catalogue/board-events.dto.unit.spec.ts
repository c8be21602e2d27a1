import type { FieldError } from '../errors/field-error';
import { validateEventData } from '../validation/validate-event-data';
import { EXAMPLE_TODAY, VALID_EXAMPLES } from './valid-examples.fixture';

function errorsOf(label: string, change: Record<string, unknown>): FieldError[] {
  const found = VALID_EXAMPLES.find((candidate) => candidate.label === label);
  if (found === undefined) throw new Error(`no example ${label}`);
  const result = validateEventData(found.name, { ...structuredClone(found.data), ...change }, { today: EXAMPLE_TODAY });
  return result.ok ? [] : result.errors;
}

const oneOf = (pattern: RegExp) => expect.stringMatching(pattern) as unknown as string;

describe('board event data', () => {
  it.each<[string, string, Record<string, unknown>, FieldError[]]>([
    ['a blank boardId', 'BoardEstablished', { boardId: ' ' }, [{ path: 'data.boardId', problem: 'must be a non-empty string' }]],
    [
      'an establishedOn after the day of ingestion',
      'BoardEstablished',
      { establishedOn: '2025-07-02' },
      [{ path: 'data.establishedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a local authority that is not a GSS code',
      'BoardEstablished',
      { localAuthorities: ['W06000015', 'W6000014'] },
      [{ path: 'data.localAuthorities', problem: 'must be a list of GSS codes (a capital letter and 8 digits)' }],
    ],
    [
      'a partner of an unknown kind and no statutory flag',
      'BoardEstablished',
      { partners: [{ partnerId: 'p', name: 'P', kind: 'charity' }] },
      [
        {
          path: 'data.partners[0].kind',
          problem:
            'must be one of: local-authority, police, health-board, nhs-trust, probation, education, youth-justice, third-sector, other',
        },
        { path: 'data.partners[0].statutory', problem: 'is required' },
      ],
    ],
    [
      'a partner joining with a kind outside the list',
      'PartnerJoined',
      { kind: 'school' },
      [{ path: 'data.kind', problem: oneOf(/^must be one of: local-authority, /) }],
    ],
    [
      'a partner leaving in the future',
      'PartnerLeft',
      { on: '2025-08-01' },
      [{ path: 'data.on', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'an attendee without the delegate flag',
      'BoardMeetingHeld',
      { attendees: [{ partnerId: 'p' }] },
      [{ path: 'data.attendees[0].delegate', problem: 'is required' }],
    ],
    ['quorate as a string', 'BoardMeetingHeld', { quorate: 'true' }, [{ path: 'data.quorate', problem: 'must be true or false' }]],
    [
      'a financial year whose parts do not follow',
      'FundingContributionAgreed',
      { financialYear: '2025-27' },
      [{ path: 'data.financialYear', problem: 'must be a financial year YYYY-YY whose second part is the next year, e.g. 2025-26' }],
    ],
    [
      'a financial year written in full',
      'FundingContributionAgreed',
      { financialYear: '2025-2026' },
      [{ path: 'data.financialYear', problem: oneOf(/^must be a financial year/) }],
    ],
    [
      'an amount in fractions of a penny',
      'FundingContributionAgreed',
      { amountPence: 100.5 },
      [{ path: 'data.amountPence', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'a negative amount',
      'FundingContributionReceived',
      { amountPence: -1 },
      [{ path: 'data.amountPence', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'an amount beyond what JSON numbers carry exactly',
      'FundingContributionReceived',
      { amountPence: 2 ** 53 },
      [{ path: 'data.amountPence', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'a due date that does not exist',
      'FundingContributionAgreed',
      { dueOn: '2025-09-31' },
      [{ path: 'data.dueOn', problem: 'must be a real calendar date YYYY-MM-DD' }],
    ],
    [
      'a receipt in the future',
      'FundingContributionReceived',
      { receivedOn: '2025-07-02' },
      [{ path: 'data.receivedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a plan published in the future',
      'AnnualPlanPublished',
      { publishedOn: '2025-07-02' },
      [{ path: 'data.publishedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a report for a malformed year',
      'AnnualReportPublished',
      { financialYear: '24-25' },
      [{ path: 'data.financialYear', problem: oneOf(/^must be a financial year/) }],
    ],
    [
      'metric codes that are not strings',
      'StrategicPriorityDefined',
      { metricCodes: [1] },
      [{ path: 'data.metricCodes', problem: 'must be a list of non-empty strings' }],
    ],
    [
      'a subgroup formed in the future',
      'SubgroupFormed',
      { formedOn: '2025-07-02' },
      [{ path: 'data.formedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a subgroup meeting held in the future',
      'SubgroupMeetingHeld',
      { on: '2025-07-02' },
      [{ path: 'data.on', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    ['an audit without a title', 'AuditScheduled', { title: '' }, [{ path: 'data.title', problem: 'must be a non-empty string' }]],
    [
      'a case result with a grade outside the list',
      'AuditCompleted',
      { caseResults: [{ caseRef: 'c', grade: 'poor' }] },
      [{ path: 'data.caseResults[0].grade', problem: 'must be one of: outstanding, good, requires-improvement, inadequate' }],
    ],
    [
      'an action arising from an unknown kind of thing',
      'ActionAssigned',
      { arisingFrom: { kind: 'meeting', id: 'bm-1' } },
      [{ path: 'data.arisingFrom.kind', problem: 'must be one of: audit, review, plan, priority' }],
    ],
    [
      'an action origin that is not an object',
      'ActionAssigned',
      { arisingFrom: 'au-0' },
      [{ path: 'data.arisingFrom', problem: 'must be an object' }],
    ],
    [
      'an action assigned in the future',
      'ActionAssigned',
      { assignedOn: '2025-07-02' },
      [{ path: 'data.assignedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a due date changed in the future',
      'ActionDueDateChanged',
      { changedOn: '2025-07-02' },
      [{ path: 'data.changedOn', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'an action completed in the future',
      'ActionCompleted',
      { on: '2025-07-02' },
      [{ path: 'data.on', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'an action cancelled on a day that does not exist',
      'ActionCancelled',
      { on: '2025-06-31' },
      [{ path: 'data.on', problem: 'must be a real calendar date YYYY-MM-DD' }],
    ],
    [
      'a practice review of an unknown kind',
      'PracticeReviewCommissioned',
      { kind: 'rapid' },
      [{ path: 'data.kind', problem: 'must be one of: concise, extended' }],
    ],
    [
      'a practice review published in the future',
      'PracticeReviewPublished',
      { on: '2025-07-02' },
      [{ path: 'data.on', problem: 'must not be after the day of ingestion 2025-07-01' }],
    ],
    [
      'a fractional number of places',
      'TrainingDelivered',
      { placesOffered: 2.5 },
      [{ path: 'data.placesOffered', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'an attendee count that is negative',
      'TrainingDelivered',
      { attendees: [{ partnerId: 'p', count: -3 }] },
      [{ path: 'data.attendees[0].count', problem: 'must be a whole number of 0 or more' }],
    ],
    [
      'engagement with an audience outside the list',
      'EngagementActivityHeld',
      { with: 'schools' },
      [{ path: 'data.with', problem: 'must be one of: children, young-people, parents, carers, communities' }],
    ],
    [
      'a participant count as a string',
      'EngagementActivityHeld',
      { participants: '18' },
      [{ path: 'data.participants', problem: 'must be a whole number of 0 or more' }],
    ],
    ['a target that is not a number', 'MetricTargetSet', { target: '90%' }, [{ path: 'data.target', problem: 'must be a number' }]],
    [
      'a negative amber tolerance',
      'MetricTargetSet',
      { amberWithin: -0.1 },
      [{ path: 'data.amberWithin', problem: 'must be a number of 0 or more' }],
    ],
    [
      'a board retraction of a case event type',
      'RecordRetracted (board)',
      { retractedType: 'ReferralReceived' },
      [{ path: 'data.retractedType', problem: oneOf(/^must be one of: BoardEstablished, .*MetricTargetSet$/) }],
    ],
    ['a retraction without a reason', 'RecordRetracted (board)', { reason: undefined }, [{ path: 'data.reason', problem: 'is required' }]],
  ])('rejects %s', (_what, label, change, expected) => {
    expect(errorsOf(label, change)).toEqual(expected);
  });

  it('accepts due dates and scheduled meetings in the future', () => {
    expect(errorsOf('FundingContributionAgreed', { dueOn: '2030-03-31' })).toEqual([]);
    expect(errorsOf('AuditScheduled', { dueOn: '2030-03-31' })).toEqual([]);
    expect(errorsOf('ActionAssigned', { dueOn: '2030-03-31' })).toEqual([]);
    expect(errorsOf('ActionDueDateChanged', { dueOn: '2030-03-31' })).toEqual([]);
    expect(errorsOf('SubgroupMeetingScheduled', { on: '2030-03-31' })).toEqual([]);
  });

  it('accepts the financial year that turns a century', () => {
    expect(errorsOf('MetricTargetSet', { financialYear: '2099-00' })).toEqual([]);
  });

  it('accepts empty lists where events.md asks for no minimum', () => {
    expect(errorsOf('BoardMeetingHeld', { attendees: [] })).toEqual([]);
    expect(errorsOf('AuditCompleted', { caseResults: [] })).toEqual([]);
  });
});
