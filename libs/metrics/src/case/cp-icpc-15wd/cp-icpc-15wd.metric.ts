import type { WorkingDayCalendar } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { Fact } from '../../facts/fact';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts, InitialChildProtectionConferenceHeldData, StrategyDiscussionHeldData } from '../child-facts';
import { DataQualityReason } from '../dq-sequence/dq-sequence.metric';

export const CP_ICPC_15WD = 'CP-ICPC-15WD';

const WORKING_DAYS = 15;

export const CpIcpc15wdReason = {
  afterDeadline: 'conference-after-deadline',
  noAnchor: DataQualityReason.noAnchorStrategyDiscussion,
  beforeAnchor: DataQualityReason.conferenceBeforeStrategyDiscussion,
} as const;

export const CP_ICPC_15WD_DEFINITION: MetricDefinition = {
  code: CP_ICPC_15WD,
  title: 'Initial child protection conferences within 15 working days of the strategy discussion',
  factor: 'performance-management',
  unit: 'child at a conference',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Each child in childIds of an InitialChildProtectionConferenceHeld held in the period, except transfer-in ' +
    'conferences (left out entirely and not flagged). The count is per child, not per conference: a conference for ' +
    "three siblings is three units. The anchor is the strategy discussion named by the conference's " +
    'strategyDiscussionId when it includes the child; otherwise the latest StrategyDiscussionHeld for that child with ' +
    'decision child-protection-enquiry held on or before the conference. The child is in the numerator when the ' +
    'conference was within 15 working days of the anchor: on or before addWorkingDays(anchor heldOn, 15) and not ' +
    'before the anchor (working days are Monday to Friday except England and Wales bank holidays; the anchor day is ' +
    'day 0). No anchor, or a conference before it: denominator only, flagged.',
  numerator: 'children whose conference was within 15 working days of the anchor strategy discussion',
  denominator: 'each child in childIds of an initial child protection conference held in the period, except transfer-in conferences',
  settings: {},
  scope: 'case',
};

type Conference = Fact<InitialChildProtectionConferenceHeldData>;
type StrategyDiscussion = Fact<StrategyDiscussionHeldData>;

/**
 * The named strategy discussion when it includes the child (only those are among the child's
 * facts), else the latest child-protection-enquiry discussion held on or before the conference;
 * discussions on the same day are told apart by position, the later recorded winning.
 */
function anchorOf(facts: ChildFacts, conference: Conference): StrategyDiscussion | undefined {
  const namedId = conference.data.strategyDiscussionId;
  if (typeof namedId === 'string') {
    const named = facts.strategyDiscussionsById.get(namedId);
    if (named !== undefined) return named;
  }
  const heldOn = conference.data.heldOn;
  let latest: StrategyDiscussion | undefined;
  for (const discussion of facts.strategyDiscussions) {
    if (discussion.data.heldOn > heldOn) break;
    if (discussion.data.decision === 'child-protection-enquiry') latest = discussion;
  }
  return latest;
}

/**
 * One unit per conference this child was at, keyed `child:<childKey>/conference:<conferenceId>`.
 * @throws DateOutsideWorkingDayCalendar when the anchor is outside the calendar's bank holiday years.
 */
export function cpIcpc15wdUnits(facts: ChildFacts, calendar: WorkingDayCalendar, out: CaseUnitCollector): void {
  for (const conference of facts.conferences) {
    if (conference.data.transferIn === true) continue;
    const heldOn = conference.data.heldOn;
    const unitKey = childUnitKey(facts.childKey, `conference:${conference.key}`);
    const anchor = anchorOf(facts, conference);
    if (anchor === undefined) {
      out.addFlagged(
        {
          metricCode: CP_ICPC_15WD,
          unitKey,
          unitDate: heldOn,
          counted: 'denominator-only',
          reason: CpIcpc15wdReason.noAnchor,
          positions: positionsOf(conference),
        },
        conference,
      );
      continue;
    }
    const positions = positionsOf(conference, anchor);
    if (heldOn < anchor.data.heldOn) {
      out.addFlagged(
        {
          metricCode: CP_ICPC_15WD,
          unitKey,
          unitDate: heldOn,
          counted: 'denominator-only',
          reason: CpIcpc15wdReason.beforeAnchor,
          positions,
        },
        conference,
      );
      continue;
    }
    const onTime = calendar.isWithinWorkingDays(heldOn, anchor.data.heldOn, WORKING_DAYS);
    out.add({
      metricCode: CP_ICPC_15WD,
      unitKey,
      unitDate: heldOn,
      counted: onTime ? 'numerator' : 'denominator-only',
      reason: onTime ? null : CpIcpc15wdReason.afterDeadline,
      positions,
    });
  }
}
