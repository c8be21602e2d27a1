import { createHash } from 'node:crypto';
import { englandAndWalesCalendar } from '@app/calendar';
import { businessKeyOf, scopeOf } from '@app/ingestion/business-keys/business-key';
import { validateCloudEvent } from '@app/ingestion/cloud-event/validate-cloud-event';
import { nameOf } from './demo-calibration';
import { serialiseDemo } from './demo-ndjson';
import { InvalidDemoOptions } from './demo.errors';
import { generateDemo, type DemoOptions } from './generate-demo';
import type { CloudEvent } from './demo-scheduler';

const SMALL: DemoOptions = { boards: 2, years: 1, seed: 1 };
const TODAY = '2026-03-31';

function sha256Of(options: DemoOptions): string {
  const hash = createHash('sha256');
  for (const chunk of serialiseDemo(options)) hash.update(chunk);
  return hash.digest('hex');
}

describe('generateDemo', () => {
  let small: CloudEvent[];

  beforeAll(() => {
    small = [...generateDemo(SMALL)];
  });

  it('writes byte-identical NDJSON on every run with the same options', () => {
    expect(sha256Of(SMALL)).toBe(sha256Of(SMALL));
  });

  it('writes different NDJSON for a different seed', () => {
    expect(sha256Of({ ...SMALL, seed: 2 })).not.toBe(sha256Of(SMALL));
  });

  it('writes one CloudEvent per line, as the generator yields them', () => {
    const lines = [...serialiseDemo(SMALL)].join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(small.length);
    expect(JSON.parse(lines[lines.length - 1])).toEqual(small[small.length - 1]);
  });

  it('passes the CloudEvents contract with every event of a two-board, one-year demo', () => {
    const failures = small
      .map((event) => ({ event, result: validateCloudEvent(event, { today: TODAY }) }))
      .filter(({ result }) => !result.ok)
      .slice(0, 3);
    expect(failures).toEqual([]);
    expect(small.length).toBeGreaterThan(10_000);
  });

  it('passes the CloudEvents contract with a sample of a six-board, two-year demo', () => {
    let sampled = 0;
    const failures: unknown[] = [];
    let i = 0;
    for (const event of generateDemo({ boards: 6, years: 2, seed: 7 })) {
      if (i++ % 20 !== 0) continue;
      sampled++;
      const result = validateCloudEvent(event, { today: TODAY });
      if (!result.ok && failures.length < 3) failures.push({ event, errors: result.errors });
    }
    expect(failures).toEqual([]);
    expect(sampled).toBeGreaterThan(5_000);
  });

  it('gives every event its own (source, id), and re-sends a corrected fact under a new id with changed content', () => {
    const ids = new Set(small.map((event) => `${event.source} ${event.id}`));
    expect(ids.size).toBe(small.length);

    const firstByKey = new Map<string, CloudEvent>();
    let corrections = 0;
    for (const event of small) {
      const name = nameOf(event);
      if (name === 'RecordRetracted') continue;
      const key = `${name}|${scopeOf(name, event.data).id}|${businessKeyOf(name, event.data)}`;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, event);
        continue;
      }
      corrections++;
      expect(event.id).not.toBe(first.id);
      expect(event.data).not.toEqual(first.data);
    }
    expect(corrections).toBeGreaterThan(20);
  });

  it('comes out in recorded-time order, nothing recorded after the end date', () => {
    for (let i = 1; i < small.length; i++) expect(small[i].time >= small[i - 1].time).toBe(true);
    expect(small[small.length - 1].time.slice(0, 10) <= TODAY).toBe(true);
  });

  it("starts each board's facts with BoardEstablished, before any case event of its local authorities", () => {
    const established = new Set<string>();
    const coveredBy = new Map<string, string>();
    for (const event of small) {
      const name = nameOf(event);
      if (name === 'BoardEstablished') {
        established.add(event.data.boardId as string);
        for (const la of event.data.localAuthorities as string[]) coveredBy.set(la, event.data.boardId as string);
      } else if (typeof event.data.boardId === 'string') {
        expect(established.has(event.data.boardId)).toBe(true);
      } else {
        expect(coveredBy.has(event.data.localAuthority as string)).toBe(true);
      }
    }
    expect(established).toEqual(new Set(['cardiff-and-vale', 'cwm-taf-morgannwg']));
  });

  it('names board and case sources and raw child identifiers as the contract shows them', () => {
    const sources = new Set(small.map((event) => event.source));
    expect(sources).toEqual(
      new Set([
        'urn:board:cardiff-and-vale',
        'urn:board:cwm-taf-morgannwg',
        'urn:case-system:wccis:W06000015',
        'urn:case-system:wccis:W06000014',
        'urn:case-system:wccis:W06000016',
        'urn:case-system:wccis:W06000024',
        'urn:case-system:wccis:W06000013',
      ]),
    );
    const referral = small.find((event) => nameOf(event) === 'ReferralReceived') as CloudEvent;
    expect(referral.data.childId).toMatch(new RegExp(`^LA-${referral.data.localAuthority as string}-\\d+$`));
  });

  it('carries the real-world mess: late records, retractions, impossible sequences, sibling groups, transfer-ins, bank holidays', () => {
    const of = (name: string): CloudEvent[] => small.filter((event) => nameOf(event) === name);
    const businessDate = (event: CloudEvent): string | undefined =>
      ['receivedOn', 'heldOn', 'completedOn', 'startedOn', 'endedOn', 'measuredOn', 'on']
        .map((field) => event.data[field])
        .find((v) => typeof v === 'string') as string | undefined;
    const late = small.filter((event) => {
      const date = businessDate(event);
      return date !== undefined && Date.parse(event.time) - Date.parse(date) > 30 * 86_400_000;
    });
    expect(late.length).toBeGreaterThan(50);

    const retractions = of('RecordRetracted');
    expect(retractions.length).toBeGreaterThan(10);
    for (const retraction of retractions) expect(retraction.data.reason).toEqual(expect.any(String));

    const discussions = new Map(
      of('StrategyDiscussionHeld').map((event) => [
        `${event.data.localAuthority as string}|${event.data.strategyDiscussionId as string}`,
        event.data,
      ]),
    );
    const conferencesBeforeDiscussion = of('InitialChildProtectionConferenceHeld').filter((event) => {
      const discussion = discussions.get(`${event.data.localAuthority as string}|${event.data.strategyDiscussionId as string}`);
      return discussion !== undefined && (event.data.heldOn as string) < (discussion.heldOn as string);
    });
    const starts = new Map(
      of('ChildProtectionPlanStarted').map((event) => [
        `${event.data.localAuthority as string}|${event.data.planId as string}`,
        event.data,
      ]),
    );
    const ends = of('ChildProtectionPlanEnded');
    const endedBeforeStart = ends.filter((event) => {
      const start = starts.get(`${event.data.localAuthority as string}|${event.data.planId as string}`);
      return start !== undefined && (event.data.endedOn as string) < (start.startedOn as string);
    });
    const neverStarted = ends.filter((event) => !starts.has(`${event.data.localAuthority as string}|${event.data.planId as string}`));
    expect(conferencesBeforeDiscussion.length + endedBeforeStart.length).toBeGreaterThan(0);
    expect(neverStarted.length).toBeGreaterThan(0);

    const siblingGroups = of('StrategyDiscussionHeld').filter((event) => (event.data.childIds as string[]).length >= 2);
    expect(siblingGroups.length).toBeGreaterThan(50);
    expect(Math.max(...siblingGroups.map((event) => (event.data.childIds as string[]).length))).toBe(4);
    expect(of('InitialChildProtectionConferenceHeld').some((event) => event.data.transferIn === true)).toBe(true);

    const onBankHolidays = small.filter((event) => {
      const date = businessDate(event);
      return (
        date !== undefined &&
        date >= englandAndWalesCalendar.coveredFrom &&
        !englandAndWalesCalendar.isWorkingDay(date) &&
        new Date(`${date}T12:00:00Z`).getUTCDay() % 6 !== 0
      );
    });
    expect(onBankHolidays.length).toBeGreaterThan(10);
    expect(small.some((event) => (event.data.receivedOn as string | undefined)?.slice(5) === '12-25')).toBe(true);
  });

  it("generates a board's events the same whatever the number of boards after it", () => {
    const alone = [...generateDemo({ ...SMALL, boards: 1 })];
    const cardiffAndVale = new Set(['urn:board:cardiff-and-vale', 'urn:case-system:wccis:W06000015', 'urn:case-system:wccis:W06000014']);
    expect(small.filter((event) => cardiffAndVale.has(event.source))).toEqual(alone);
  });

  it('scales case volumes with scale, not board business', () => {
    const count = (events: Iterable<CloudEvent>, source: string): number => {
      let n = 0;
      for (const event of events) if (event.source === source) n++;
      return n;
    };
    const doubled = [...generateDemo({ ...SMALL, boards: 1, scale: 2 })];
    const single = small;
    const caseRatio = count(doubled, 'urn:case-system:wccis:W06000015') / count(single, 'urn:case-system:wccis:W06000015');
    expect(caseRatio).toBeGreaterThan(1.8);
    expect(caseRatio).toBeLessThan(2.2);
    expect(count(doubled, 'urn:board:cardiff-and-vale')).toBe(count(single, 'urn:board:cardiff-and-vale'));
  });

  it.each([
    ['boards', { ...SMALL, boards: 7 }],
    ['boards', { ...SMALL, boards: 0 }],
    ['years', { ...SMALL, years: 1.5 }],
    ['seed', { ...SMALL, seed: Number.NaN }],
    ['scale', { ...SMALL, scale: 0 }],
    ['endDate', { ...SMALL, endDate: '2026-02-30' }],
    ['endDate', { ...SMALL, endDate: '2027-12-31' }],
  ])('refuses an out-of-range %s', (option, options) => {
    expect(() => generateDemo(options).next()).toThrow(InvalidDemoOptions);
    expect(() => generateDemo(options).next()).toThrow(expect.objectContaining({ option }));
  });
});
