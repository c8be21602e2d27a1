import { VALID_EXAMPLES } from '../catalogue/valid-examples.fixture';
import { EVENT_NAMES } from '../catalogue/event-names';
import { MissingBusinessKeyField } from '../errors/ingestion.errors';
import { BUSINESS_KEY_FIELDS, businessKeyOf, retractedFactOf, scopeOf } from './business-key';

const data = (label: string) => VALID_EXAMPLES.find((example) => example.label === label)!.data;

describe('business keys', () => {
  it('has a key for every event of the catalogue', () => {
    expect(Object.keys(BUSINESS_KEY_FIELDS).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it.each([
    ['ReferralReceived', 'ReferralReceived', 'ref-1'],
    ['AssessmentCompleted', 'AssessmentCompleted', 'as-1'],
    ['InitialChildProtectionConferenceHeld', 'InitialChildProtectionConferenceHeld', 'icpc-8812'],
    ['ChildProtectionPlanEnded', 'ChildProtectionPlanEnded', 'cpp-1'],
    ['BoardEstablished', 'BoardEstablished', 'cardiff-vale'],
    ['PartnerJoined', 'PartnerJoined', 'barnardos/2025-05-10'],
    ['PartnerLeft', 'PartnerLeft', 'barnardos/2025-06-10'],
    ['AnnualReportPublished', 'AnnualReportPublished', '2024-25'],
    ['SubgroupMeetingScheduled', 'SubgroupMeetingScheduled', 'qa-7'],
    ['ActionDueDateChanged', 'ActionDueDateChanged', 'ac-2/2025-06-30'],
    ['MetricTargetSet', 'MetricTargetSet', 'CP-ICPC-15WD/2025-26'],
    ['RecordRetracted', 'RecordRetracted (case)', 'ReferralReceived/ref-1'],
    ['RecordRetracted', 'RecordRetracted (board)', 'ActionDueDateChanged/ac-2/2025-05-10'],
  ] as const)('keys %s (%s) as %s', (name, label, key) => {
    expect(businessKeyOf(name, data(label))).toBe(key);
  });

  it('names the fact a retraction withdraws', () => {
    expect(retractedFactOf(data('RecordRetracted (board)'))).toEqual({ type: 'ActionDueDateChanged', businessKey: 'ac-2/2025-05-10' });
  });

  it('refuses data missing a key part', () => {
    expect(() => businessKeyOf('PartnerJoined', { partnerId: 'p' })).toThrow(new MissingBusinessKeyField('PartnerJoined', 'on'));
    expect(() => retractedFactOf({ retractedType: 'ReferralReceived' })).toThrow(MissingBusinessKeyField);
  });

  it('scopes case facts by local authority and board facts by board', () => {
    expect(scopeOf('ReferralReceived', data('ReferralReceived'))).toEqual({ kind: 'local-authority', id: 'W06000015' });
    expect(scopeOf('AuditCompleted', data('AuditCompleted'))).toEqual({ kind: 'board', id: 'cardiff-vale' });
    expect(scopeOf('RecordRetracted', data('RecordRetracted (case)'))).toEqual({ kind: 'local-authority', id: 'W06000015' });
    expect(scopeOf('RecordRetracted', data('RecordRetracted (board)'))).toEqual({ kind: 'board', id: 'cardiff-vale' });
    expect(() => scopeOf('BoardMeetingHeld', {})).toThrow(new MissingBusinessKeyField('BoardMeetingHeld', 'boardId'));
  });
});
