import { isCalendarDate } from '@app/calendar';
import { BoardContext, startBoard } from './board-processes';
import { CaseSystemContext, startCaseSystem } from './case-processes';
import { addMonthsToDay, CALENDAR_COVERED_FROM, CALENDAR_COVERED_TO, dayOfDate } from './demo-days';
import { DemoRecorder, type RecordingPolicy } from './demo-recorder';
import { DemoScheduler, type CloudEvent } from './demo-scheduler';
import { InvalidDemoOptions } from './demo.errors';
import { SeededRandom } from './seeded-random';
import { WELSH_BOARDS } from './welsh-boards';

export interface DemoOptions {
  /** How many of the six Welsh regional boards, in the order of `WELSH_BOARDS` (1 to 6). */
  boards: number;
  /** Years of history up to `endDate` (1 to 6). */
  years: number;
  /** Any safe integer; the same seed and options give the same events to the byte. */
  seed: number;
  /** The demo's "today", `YYYY-MM-DD`: nothing happens or is recorded after it. Default `2026-03-31`. */
  endDate?: string;
  /** Multiplies case volumes (not board business); 1 is roughly the real volume. Default 1. */
  scale?: number;
}

export const DEFAULT_DEMO_END_DATE = '2026-03-31';

/** Plans open when the window starts are drawn from starts up to this many years before it. */
const LOOKBACK_YEARS = 4;
/** Dates computed past the last day (deadlines, next meetings) must stay inside the bank holiday list. */
const CALENDAR_MARGIN_DAYS = 200;

const CASE_SYSTEM_RECORDING: RecordingPolicy = {
  firstMinute: 8 * 60,
  lastMinute: 18 * 60 + 59,
  delayDays: [
    [0, 0.7],
    [1, 0.2],
    [2, 0.05],
    [3, 0.03],
    [7, 0.02],
  ],
  lateChance: 0.01,
  lateDays: [30, 240],
};

const BOARD_RECORDING: RecordingPolicy = {
  firstMinute: 9 * 60,
  lastMinute: 17 * 60 + 30,
  delayDays: [
    [0, 0.45],
    [1, 0.3],
    [2, 0.15],
    [3, 0.07],
    [4, 0.03],
  ],
  lateChance: 0.03,
  lateDays: [30, 120],
};

/**
 * A deterministic stream of realistic CloudEvents for Welsh regional safeguarding children boards:
 * each board's facts (source `urn:board:<boardId>`) and its local authorities' case facts (source
 * `urn:case-system:wccis:<GSS>`), in recorded-time order, with the real world's mess: late records,
 * corrections, retractions, a few impossible sequences, dates on bank holidays.
 *
 * It streams: only pending facts are held, so a million events need no more memory than a thousand.
 *
 * @throws InvalidDemoOptions naming the option, when the options are out of range.
 */
export function* generateDemo(options: DemoOptions): Generator<CloudEvent, void, void> {
  const { boards, years, seed, endDate, scale } = checkOptions(options);
  const lastDay = dayOfDate(endDate);
  const windowStart = addMonthsToDay(lastDay, -12 * years) + 1;
  const lookbackStart = Math.max(addMonthsToDay(windowStart, -12 * LOOKBACK_YEARS), CALENDAR_COVERED_FROM + 31);
  const scheduler = new DemoScheduler(lastDay);

  for (const board of WELSH_BOARDS.slice(0, boards)) {
    const sender = { source: `urn:board:${board.boardId}`, idPrefix: `${board.boardId}-`, sent: 0 };
    const recorder = new DemoRecorder(scheduler, sender, SeededRandom.stream(seed, `board:${board.boardId}`), BOARD_RECORDING);
    startBoard(new BoardContext(board, recorder, windowStart, lastDay));
    for (const la of board.localAuthorities) {
      const caseSender = { source: `urn:case-system:${la.system}:${la.gss}`, idPrefix: `${la.system}-${la.gss}-`, sent: 0 };
      const caseRecorder = new DemoRecorder(
        scheduler,
        caseSender,
        SeededRandom.stream(seed, `case-system:${la.gss}`),
        CASE_SYSTEM_RECORDING,
      );
      startCaseSystem(new CaseSystemContext(la, caseRecorder, windowStart, scale), lookbackStart, lastDay);
    }
  }
  yield* scheduler.run();
}

function checkOptions(options: DemoOptions): Required<DemoOptions> {
  const { boards, years, seed } = options;
  const endDate = options.endDate ?? DEFAULT_DEMO_END_DATE;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(boards) || boards < 1 || boards > WELSH_BOARDS.length) {
    throw new InvalidDemoOptions('boards', boards, `must be a whole number from 1 to ${WELSH_BOARDS.length}`);
  }
  if (!Number.isInteger(years) || years < 1 || years > 6)
    throw new InvalidDemoOptions('years', years, 'must be a whole number from 1 to 6');
  if (!Number.isSafeInteger(seed)) throw new InvalidDemoOptions('seed', seed, 'must be a safe integer');
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new InvalidDemoOptions('scale', scale, 'must be a number above 0 and at most 1000');
  }
  if (!isCalendarDate(endDate)) throw new InvalidDemoOptions('endDate', endDate, 'must be a YYYY-MM-DD date');
  const lastDay = dayOfDate(endDate);
  const windowStart = addMonthsToDay(lastDay, -12 * years) + 1;
  if (lastDay > CALENDAR_COVERED_TO - CALENDAR_MARGIN_DAYS || windowStart < CALENDAR_COVERED_FROM + 400) {
    throw new InvalidDemoOptions('endDate', endDate, `with years ${years} must keep the demo inside the bank holiday list, with a margin`);
  }
  if (windowStart <= dayOfDate(WELSH_BOARDS[0].establishedOn)) {
    throw new InvalidDemoOptions('endDate', endDate, `with years ${years} must start after the boards were established`);
  }
  return { boards, years, seed, endDate, scale };
}
