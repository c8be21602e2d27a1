import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { DQ_SEQUENCE } from '../dq-sequence/dq-sequence.metric';
import { CaseFactsFixture, SOURCE, unitsOf } from '../testing/case-facts.fixture';
import { CP_ICPC_15WD } from './cp-icpc-15wd.metric';

function conferenceUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  const units = computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS);
  return { conference: unitsOf(units, CP_ICPC_15WD), flags: unitsOf(units, DQ_SEQUENCE) };
}

describe('CP-ICPC-15WD: initial conferences within 15 working days of the strategy discussion', () => {
  it('counts a conference on the 15th working day after a Friday strategy discussion: Fri 2025-06-06 + 15 is Fri 2025-06-27, three whole weeks', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-06-06');
    const icpc = given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-1' });

    const { conference, flags } = conferenceUnits(given, sd, icpc);

    expect(conference).toEqual([
      {
        metricCode: CP_ICPC_15WD,
        unitKey: 'child:child-a/conference:icpc-1',
        unitDate: '2025-06-27',
        counted: 'numerator',
        reason: null,
        positions: [sd.position, icpc.position],
      },
    ]);
    expect(flags).toEqual([]);
  });

  it('leaves a conference on the 16th working day (Mon 2025-06-30 after Fri 2025-06-06) in the denominator only, late but not a data-quality flag', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-06-06');
    const icpc = given.conference('icpc-1', '2025-06-30', { strategyDiscussionId: 'sd-1' });

    const { conference, flags } = conferenceUnits(given, sd, icpc);

    expect(conference).toEqual([expect.objectContaining({ counted: 'denominator-only', reason: 'conference-after-deadline' })]);
    expect(conference[0].dataQuality).toBeUndefined();
    expect(flags).toEqual([]);
  });

  it('skips the spring bank holiday Monday 2025-05-26: from Wed 2025-05-14 the 15th working day is Thu 2025-06-05, not Wed 2025-06-04', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-05-14');
    const onThe15th = given.conference('icpc-1', '2025-06-05', { strategyDiscussionId: 'sd-1' });
    const onThe16th = given.conference('icpc-2', '2025-06-06', { strategyDiscussionId: 'sd-1' });

    const { conference } = conferenceUnits(given, sd, onThe15th, onThe16th);

    expect(conference.map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/conference:icpc-1', 'numerator'],
      ['child:child-a/conference:icpc-2', 'denominator-only'],
    ]);
  });

  it('skips 25 and 26 December 2025 and 1 January 2026: from Wed 2025-12-17 the 15th working day is Mon 2026-01-12 (18,19,22,23,24,29,30,31 Dec, 2,5,6,7,8,9,12 Jan)', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-12-17');
    const onThe15th = given.conference('icpc-1', '2026-01-12', { strategyDiscussionId: 'sd-1' });
    const onThe16th = given.conference('icpc-2', '2026-01-13', { strategyDiscussionId: 'sd-1' });

    const { conference } = conferenceUnits(given, sd, onThe15th, onThe16th);

    expect(conference.map((u) => [u.unitDate, u.counted, u.reason])).toEqual([
      ['2026-01-12', 'numerator', null],
      ['2026-01-13', 'denominator-only', 'conference-after-deadline'],
    ]);
  });

  it('counts a conference on the day of the strategy discussion (day 0 is within)', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-06-06');
    const icpc = given.conference('icpc-1', '2025-06-06', { strategyDiscussionId: 'sd-1' });

    expect(conferenceUnits(given, sd, icpc).conference[0].counted).toBe('numerator');
  });

  it('falls back to the latest child-protection-enquiry discussion on or before the conference when the named one does not include the child', () => {
    const given = new CaseFactsFixture();
    const namedForSibling = given.strategyDiscussion('sd-named', '2025-06-16', { childIds: ['child-b'] });
    const older = given.strategyDiscussion('sd-older', '2025-05-01');
    const latestEnquiry = given.strategyDiscussion('sd-latest', '2025-05-02');
    const noFurtherAction = given.strategyDiscussion('sd-nfa', '2025-05-20', { decision: 'no-further-action' });
    const afterConference = given.strategyDiscussion('sd-after', '2025-05-28');
    const icpc = given.conference('icpc-1', '2025-05-27', {
      strategyDiscussionId: 'sd-named',
      childIds: ['child-a', 'child-b'],
    });

    const { conference } = conferenceUnits(given, namedForSibling, older, latestEnquiry, noFurtherAction, afterConference, icpc);

    // Anchor Fri 2025-05-02; Mon 5 and Mon 26 May are bank holidays: 6-9 May (4), 12-16 (9), 19-23 (14), Tue 27 May (15).
    // From sd-older (1 May) the 15th working day is 23 May and the conference would be late; the named discussion
    // of 16 June would have put the conference before its anchor; the positions show which discussion was taken.
    expect(conference).toEqual([expect.objectContaining({ counted: 'numerator', positions: [latestEnquiry.position, icpc.position] })]);
  });

  it('takes the named discussion as the anchor whatever its decision, since the conference names it', () => {
    const given = new CaseFactsFixture();
    const named = given.strategyDiscussion('sd-named', '2025-06-06', { decision: 'other' });
    const enquiry = given.strategyDiscussion('sd-enquiry', '2025-06-02');
    const icpc = given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-named' });

    // From the enquiry discussion of Mon 2025-06-02 the deadline is 2025-06-23 and the conference would be late.
    const { conference } = conferenceUnits(given, named, enquiry, icpc);

    expect(conference).toEqual([expect.objectContaining({ counted: 'numerator', positions: [named.position, icpc.position] })]);
  });

  it('gives each child of a conference for three siblings a unit of its own', () => {
    const siblings = ['child-a', 'child-b', 'child-c'];
    const units = siblings.flatMap((childKey) => {
      const given = new CaseFactsFixture(childKey);
      const sd = given.strategyDiscussion('sd-1', '2025-06-06', { childIds: siblings });
      const icpc = given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-1', childIds: siblings });
      return conferenceUnits(given, sd, icpc).conference;
    });

    expect(units.map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/conference:icpc-1', 'numerator'],
      ['child:child-b/conference:icpc-1', 'numerator'],
      ['child:child-c/conference:icpc-1', 'numerator'],
    ]);
  });

  it('uses the strategy discussion as the fact holds it after a correction moved it from Fri 2025-06-06 to Mon 2025-06-02', () => {
    const given = new CaseFactsFixture();
    given.skip(10);
    const corrected = given.strategyDiscussion('sd-1', '2025-06-02', { earlierPositions: [3] });
    const icpc = given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-1' });

    // From Mon 2025-06-02 the 15th working day is Mon 2025-06-23, so 27 June is late; from the first version it was on time.
    const { conference } = conferenceUnits(given, corrected, icpc);

    expect(conference).toEqual([
      expect.objectContaining({
        counted: 'denominator-only',
        reason: 'conference-after-deadline',
        positions: [corrected.position, icpc.position],
      }),
    ]);
  });

  it('leaves transfer-in conferences out entirely, without a flag', () => {
    const given = new CaseFactsFixture();
    const icpc = given.conference('icpc-1', '2025-06-27', { transferIn: true });

    expect(conferenceUnits(given, icpc)).toEqual({ conference: [], flags: [] });
  });

  it('keeps a conference with no anchor in the denominator only and flags it', () => {
    const given = new CaseFactsFixture();
    const nfa = given.strategyDiscussion('sd-nfa', '2025-06-02', { decision: 'no-further-action' });
    const later = given.strategyDiscussion('sd-later', '2025-06-30');
    const icpc = given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-unknown' });

    const { conference, flags } = conferenceUnits(given, nfa, later, icpc);

    expect(conference).toEqual([
      {
        metricCode: CP_ICPC_15WD,
        unitKey: 'child:child-a/conference:icpc-1',
        unitDate: '2025-06-27',
        counted: 'denominator-only',
        reason: 'no-anchor-strategy-discussion',
        dataQuality: true,
        positions: [icpc.position],
      },
    ]);
    expect(flags).toEqual([
      {
        metricCode: DQ_SEQUENCE,
        unitKey: 'child:child-a/fact:InitialChildProtectionConferenceHeld/icpc-1/no-anchor-strategy-discussion',
        unitDate: '2025-06-27',
        counted: 'numerator',
        reason: 'no-anchor-strategy-discussion',
        dataQuality: true,
        breakdown: `no-anchor-strategy-discussion|${SOURCE}`,
        positions: [icpc.position],
      },
    ]);
  });

  it('keeps a conference held before its named strategy discussion in the denominator only and flags it', () => {
    const given = new CaseFactsFixture();
    const sd = given.strategyDiscussion('sd-1', '2025-06-10');
    const icpc = given.conference('icpc-1', '2025-06-09', { strategyDiscussionId: 'sd-1' });

    const { conference, flags } = conferenceUnits(given, sd, icpc);

    expect(conference).toEqual([
      expect.objectContaining({
        counted: 'denominator-only',
        reason: 'conference-before-strategy-discussion',
        dataQuality: true,
        positions: [sd.position, icpc.position],
      }),
    ]);
    expect(flags.map((u) => [u.unitKey, u.unitDate])).toEqual([
      ['child:child-a/fact:InitialChildProtectionConferenceHeld/icpc-1/conference-before-strategy-discussion', '2025-06-09'],
    ]);
  });
});
