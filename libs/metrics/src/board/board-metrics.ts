import type { Period } from '@app/calendar';
import type { MetricDefinition } from '../catalogue/metric-definition';
import type { BoardFacts, BoardSettings } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { ACC_STATUTORY_PUBLICATION, accStatutoryPublicationUnits } from './acc-statutory-publication/acc-statutory-publication.metric';
import { readBoardLedger, type BoardLedger } from './board-ledger';
import { boardDqSequenceUnits } from './dq-sequence/dq-sequence.metric';
import { ENG_PARTICIPATION, engParticipationUnits } from './eng-participation/eng-participation.metric';
import { FUND_CONCENTRATION, fundConcentrationUnits } from './fund-concentration/fund-concentration.metric';
import { FUND_CONTRIB_RECEIVED, fundContribReceivedUnits } from './fund-contrib-received/fund-contrib-received.metric';
import { LEAD_ATTENDANCE, leadAttendanceUnits } from './lead-attendance/lead-attendance.metric';
import { QA_ACTIONS_ON_TIME, qaActionsOnTimeUnits } from './qa-actions-on-time/qa-actions-on-time.metric';
import { QA_ACTIONS_OVERDUE, qaActionsOverdueUnits } from './qa-actions-overdue/qa-actions-overdue.metric';
import { QA_AUDIT_DELIVERY, qaAuditDeliveryUnits } from './qa-audit-delivery/qa-audit-delivery.metric';
import { QA_AUDIT_GOOD, qaAuditGoodUnits } from './qa-audit-good/qa-audit-good.metric';
import { STRAT_PLAN_DELIVERY, stratPlanDeliveryUnits } from './strat-plan-delivery/strat-plan-delivery.metric';
import { STRUCT_SUBGROUP_CADENCE, structSubgroupCadenceUnits } from './struct-subgroup-cadence/struct-subgroup-cadence.metric';

type BoardMetricUnits = (ledger: BoardLedger, period: Period) => MetricUnit[];

const BOARD_METRICS: ReadonlyArray<{ definition: MetricDefinition; units: BoardMetricUnits }> = [
  { definition: QA_AUDIT_DELIVERY, units: qaAuditDeliveryUnits },
  { definition: QA_AUDIT_GOOD, units: qaAuditGoodUnits },
  { definition: QA_ACTIONS_ON_TIME, units: qaActionsOnTimeUnits },
  { definition: QA_ACTIONS_OVERDUE, units: qaActionsOverdueUnits },
  { definition: LEAD_ATTENDANCE, units: leadAttendanceUnits },
  { definition: ACC_STATUTORY_PUBLICATION, units: accStatutoryPublicationUnits },
  { definition: FUND_CONTRIB_RECEIVED, units: fundContribReceivedUnits },
  { definition: FUND_CONCENTRATION, units: fundConcentrationUnits },
  { definition: STRAT_PLAN_DELIVERY, units: stratPlanDeliveryUnits },
  { definition: STRUCT_SUBGROUP_CADENCE, units: structSubgroupCadenceUnits },
  { definition: ENG_PARTICIPATION, units: engParticipationUnits },
];

/** The catalogue entries of the board metrics of metrics.md, in the order of its table. */
export const BOARD_METRIC_DEFINITIONS: MetricDefinition[] = BOARD_METRICS.map(({ definition }) => definition);

/**
 * Every unit of every board metric for the period, metric by metric in catalogue order, then the
 * DQ-SEQUENCE units of the board's own facts dated in the period. Pure: the same facts and
 * period always give the same list. No board metric takes a board setting today.
 */
export function computeBoardUnits(board: BoardFacts, period: Period, _settings: BoardSettings): MetricUnit[] {
  const ledger = readBoardLedger(board);
  return [...BOARD_METRICS.flatMap(({ units }) => units(ledger, period)), ...boardDqSequenceUnits(ledger, period)];
}
