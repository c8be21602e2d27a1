import { englandAndWalesCalendar, WorkingDayCalendar } from '@app/calendar';
import type { BoardSettings, ChildCaseFacts } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { CaseUnitCollector } from './case-units';
import { CHILD_FACT_TYPES, groupChildFacts } from './child-facts';
import { cinAssessTimelyUnits } from './cin-assess-timely/cin-assess-timely.metric';
import { cpIcpc15wdUnits } from './cp-icpc-15wd/cp-icpc-15wd.metric';
import { cpPlan2yUnits } from './cp-plan-2y/cp-plan-2y.metric';
import { cpRegAvgdaysUnits } from './cp-reg-avgdays/cp-reg-avgdays.metric';
import { cpRepeatPlanUnits } from './cp-repeat-plan/cp-repeat-plan.metric';
import { cpReref12mUnits } from './cp-reref-12m/cp-reref-12m.metric';
import { cpRereg12mUnits } from './cp-rereg-12m/cp-rereg-12m.metric';
import { outMeasuredImprovementUnits } from './out-measured-improvement/out-measured-improvement.metric';

/**
 * Every unit of every case metric for one child, with the `DQ-SEQUENCE` units of the facts they
 * flag. Pure and deterministic: the result depends only on the facts (not on their order), the
 * settings and the calendar, and carries no period (`unitDate` places each unit in one).
 * Units come metric by metric in catalogue order, each metric's in business-date order, then
 * the `DQ-SEQUENCE` units.
 * @throws DateOutsideWorkingDayCalendar when a working-day clock starts in a year the calendar's
 * bank holiday list does not reach (extend the list rather than guess).
 */
export function computeChildUnits(
  child: ChildCaseFacts,
  settings: BoardSettings,
  calendar: WorkingDayCalendar = englandAndWalesCalendar,
): MetricUnit[] {
  const facts = groupChildFacts(child);
  const out = new CaseUnitCollector(child.childKey);
  cpIcpc15wdUnits(facts, calendar, out);
  cpPlan2yUnits(facts, out);
  cpRegAvgdaysUnits(facts, out);
  cpReref12mUnits(facts, out);
  cpRepeatPlanUnits(facts, out);
  cpRereg12mUnits(facts, out);
  cinAssessTimelyUnits(facts, settings, calendar, out);
  outMeasuredImprovementUnits(facts, out);
  return out.collect();
}

/** The fact types the units depend on (the projector recomputes a child's units for these only). */
computeChildUnits.factTypes = CHILD_FACT_TYPES;
