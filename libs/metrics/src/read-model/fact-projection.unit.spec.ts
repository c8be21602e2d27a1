import type { JsonObject, RecordedEvent } from '@app/event-store';
import { DEFAULT_BOARD_SETTINGS, type Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { FactProjector, sameUnit, type ChildUnitsFn } from './fact-projection';

let position = 0;
const recorded = (type: string, data: JsonObject): RecordedEvent => ({
  eventId: `e-${++position}`,
  stream: 's',
  version: 1,
  type,
  data: { localAuthority: 'W06000015', ...data },
  metadata: { boardId: 'cv', source: 'urn:case-system:test' },
  position,
  recordedAt: '2025-04-01T00:00:00.000Z',
  hash: '',
});

const referral = (referralId: string, childId: string, receivedOn: string) =>
  recorded('ReferralReceived', { referralId, childId, receivedOn });
const coreGroup = (meetingId: string, childId: string, heldOn: string) =>
  recorded('CoreGroupMeetingHeld', { meetingId, childId, heldOn, planId: 'plan-1' });

/** One unit per referral, and a record of every child it was asked about. */
function countingUnits(factTypes?: ReadonlySet<string>): { fn: ChildUnitsFn; asked: string[] } {
  const asked: string[] = [];
  const fn = Object.assign(
    (child: { childKey: string; facts: Fact[] }): MetricUnit[] => {
      asked.push(child.childKey);
      return child.facts
        .filter((f) => f.type === 'ReferralReceived')
        .map((f) => ({
          metricCode: 'TEST',
          unitKey: `referral:${f.key}`,
          unitDate: String(f.data.receivedOn),
          counted: 'numerator',
          reason: null,
          positions: [f.position],
        }));
    },
    { factTypes },
  );
  return { fn, asked };
}

describe('FactProjector', () => {
  beforeEach(() => {
    position = 0;
  });

  it('does not recompute a child for a fact of a type its units do not depend on', () => {
    const { fn, asked } = countingUnits(new Set(['ReferralReceived']));
    const projector = new FactProjector(fn, () => DEFAULT_BOARD_SETTINGS);
    const changes = projector.apply([referral('r1', 'child-a', '2025-04-10'), coreGroup('cg-1', 'child-a', '2025-04-11')]);

    expect(asked).toEqual(['child-a']);
    expect(changes.factInserts.map((row) => row.fact.type)).toEqual(['ReferralReceived', 'CoreGroupMeetingHeld']);
    expect(changes.unitInserts.map((row) => [row.unit.unitKey, row.validFrom])).toEqual([['referral:r1', 1]]);
  });

  it('keeps the same business key from two local authorities of one board as two facts', () => {
    const { fn } = countingUnits();
    const projector = new FactProjector(fn, () => DEFAULT_BOARD_SETTINGS);
    const changes = projector.apply([
      recorded('ReferralReceived', { localAuthority: 'W06000015', referralId: 'r-8', childId: 'child-a', receivedOn: '2025-04-10' }),
      recorded('ReferralReceived', { localAuthority: 'W06000014', referralId: 'r-8', childId: 'child-b', receivedOn: '2025-04-11' }),
      recorded('RecordRetracted', {
        localAuthority: 'W06000014',
        retractedType: 'ReferralReceived',
        businessId: 'r-8',
        reason: 'duplicate',
      }),
    ]);

    expect(changes.factInserts.map((row) => [row.fact.data.localAuthority, row.fact.key])).toEqual([
      ['W06000015', 'r-8'],
      ['W06000014', 'r-8'],
    ]);
    expect(changes.factCloses).toEqual([{ id: 2, validTo: 3 }]);
    expect(changes.unitInserts.map((row) => [row.childKey, row.unit.unitKey])).toEqual([
      ['child-a', 'referral:r-8'],
      ['child-b', 'referral:r-8'],
    ]);
    expect(changes.unitCloses.map((close) => close.row.childKey)).toEqual(['child-b']);
  });

  it('gives the same rows whether or not the units function names the fact types it depends on', () => {
    const events = [
      referral('r1', 'child-a', '2025-04-10'),
      coreGroup('cg-1', 'child-a', '2025-04-11'),
      coreGroup('cg-1', 'child-b', '2025-04-12'),
      referral('r1', 'child-b', '2025-04-13'),
      recorded('RecordRetracted', { retractedType: 'CoreGroupMeetingHeld', businessId: 'cg-1', reason: 'recorded in error' }),
      referral('r2', 'child-a', '2025-04-14'),
    ];
    const declared = new FactProjector(countingUnits(new Set(['ReferralReceived'])).fn, () => DEFAULT_BOARD_SETTINGS).apply(events);
    const undeclared = new FactProjector(countingUnits().fn, () => DEFAULT_BOARD_SETTINGS).apply(events);

    expect(declared).toEqual(undeclared);
  });

  it('compares units as the read model stores them: absent optional fields equal their stored defaults', () => {
    const unit: MetricUnit = {
      metricCode: 'TEST',
      unitKey: 'u',
      unitDate: '2025-04-10',
      counted: 'numerator',
      reason: null,
      positions: [3, 5],
    };
    expect(sameUnit(unit, { ...unit, dataQuality: false })).toBe(true);
    expect(sameUnit(unit, { ...unit, positions: [3, 5] })).toBe(true);
    expect(sameUnit(unit, { ...unit, breakdown: '' })).toBe(false);
    expect(sameUnit(unit, { ...unit, value: 0 })).toBe(false);
    expect(sameUnit(unit, { ...unit, positions: [3] })).toBe(false);
    expect(sameUnit(unit, { ...unit, reason: 'late' })).toBe(false);
  });
});
