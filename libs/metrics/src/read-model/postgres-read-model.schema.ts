/**
 * The metrics read model in one PostgreSQL schema: the tables, indexes and BI views of
 * `read-model.schema.ts`, with the same names, columns and meaning, written for PostgreSQL:
 * - `facts.data`, `facts.child_keys`, `facts.positions` and `metric_units.positions` are jsonb;
 *   log positions and ids are bigint; `metric_units.data_quality` is boolean.
 * - Every text column is `COLLATE "C"`: text compares byte by byte, as in SQLite, so that
 *   `unitsPage` orders and pages (`unit_key > $cursor`) exactly as the SQLite model does, and
 *   the digest order is the same in both.
 * - The views read jsonb with `->>` (text) and `->` cast to boolean or numeric where the
 *   ingestion contract types the field, and unnest arrays with `jsonb_array_elements`.
 * - `checkpoints` has its row from the start: every batch locks it (`SELECT ... FOR UPDATE`).
 *   `rebuild_started_at` is set while a rebuild is underway (indexes and `metric_daily` are
 *   absent until it finishes), null otherwise.
 *
 * The DDL is unqualified: it runs with `search_path` set to the read model's schema (views keep
 * the tables they were created against, whatever the search path of later readers).
 */
export const POSTGRES_READ_MODEL_TABLES = `
CREATE TABLE IF NOT EXISTS facts (
  id            bigint PRIMARY KEY,
  board_id      text COLLATE "C" NOT NULL,
  scope         text COLLATE "C" NOT NULL,
  type          text COLLATE "C" NOT NULL,
  business_key  text COLLATE "C" NOT NULL,
  business_date text COLLATE "C",
  child_keys    jsonb  NOT NULL,
  data          jsonb  NOT NULL,
  position      bigint NOT NULL,
  positions     jsonb  NOT NULL,
  source        text COLLATE "C" NOT NULL,
  valid_from    bigint NOT NULL,
  valid_to      bigint
);
CREATE TABLE IF NOT EXISTS metric_units (
  id                bigint PRIMARY KEY,
  board_id          text COLLATE "C" NOT NULL,
  child_key         text COLLATE "C" NOT NULL,
  metric_code       text COLLATE "C" NOT NULL,
  unit_key          text COLLATE "C" NOT NULL,
  unit_date         text COLLATE "C" NOT NULL,
  counted           text COLLATE "C" NOT NULL,
  reason            text COLLATE "C",
  data_quality      boolean NOT NULL,
  value             double precision,
  denominator_value double precision,
  breakdown         text COLLATE "C" NOT NULL,
  positions         jsonb  NOT NULL,
  valid_from        bigint NOT NULL,
  valid_to          bigint
);
CREATE TABLE IF NOT EXISTS metric_daily (
  board_id        text COLLATE "C" NOT NULL,
  metric_code     text COLLATE "C" NOT NULL,
  unit_date       text COLLATE "C" NOT NULL,
  counted         text COLLATE "C" NOT NULL,
  breakdown       text COLLATE "C" NOT NULL,
  units           bigint NOT NULL,
  value_sum       double precision NOT NULL,
  denominator_sum double precision NOT NULL,
  PRIMARY KEY (board_id, metric_code, unit_date, counted, breakdown)
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name               text COLLATE "C" PRIMARY KEY,
  position           bigint NOT NULL,
  updated_at         timestamptz NOT NULL,
  rebuild_started_at timestamptz
);
-- Columns added since the first release, for schemas created before them.
ALTER TABLE checkpoints ADD COLUMN IF NOT EXISTS rebuild_started_at timestamptz;
`;

export const POSTGRES_READ_MODEL_INDEXES = `
CREATE INDEX IF NOT EXISTS facts_by_board ON facts (board_id, scope, valid_from);
CREATE INDEX IF NOT EXISTS facts_current ON facts (valid_to);
CREATE INDEX IF NOT EXISTS units_by_period ON metric_units (board_id, metric_code, unit_date, unit_key);
CREATE INDEX IF NOT EXISTS units_current ON metric_units (valid_to);
`;

const current = (type: string) => `FROM facts WHERE type = '${type}' AND valid_to IS NULL`;

export const POSTGRES_READ_MODEL_VIEWS = `
CREATE OR REPLACE VIEW referrals AS
  SELECT board_id, business_key AS referral_id, data->>'localAuthority' AS local_authority,
         data->>'childId' AS child_key, data->>'receivedOn' AS received_on,
         data->>'source' AS referral_source, (data->'noFurtherAction')::boolean AS no_further_action, positions
  ${current('ReferralReceived')};
CREATE OR REPLACE VIEW assessments AS
  SELECT board_id, business_key AS assessment_id, max(data->>'childId') AS child_key, max(data->>'referralId') AS referral_id,
         max(CASE WHEN type = 'AssessmentStarted' THEN data->>'startedOn' END) AS started_on,
         max(CASE WHEN type = 'AssessmentCompleted' THEN data->>'completedOn' END) AS completed_on
  FROM facts WHERE type IN ('AssessmentStarted', 'AssessmentCompleted') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE OR REPLACE VIEW strategy_discussions AS
  SELECT board_id, business_key AS strategy_discussion_id, data->>'heldOn' AS held_on,
         data->>'decision' AS decision, child_keys, positions
  ${current('StrategyDiscussionHeld')};
CREATE OR REPLACE VIEW conference_children AS
  SELECT f.board_id, f.business_key AS conference_id, c.child_key, f.data->>'heldOn' AS held_on,
         f.data->>'strategyDiscussionId' AS strategy_discussion_id, (f.data->'transferIn')::boolean AS transfer_in, f.positions
  FROM facts f CROSS JOIN LATERAL jsonb_array_elements_text(f.data->'childIds') AS c(child_key)
  WHERE f.type = 'InitialChildProtectionConferenceHeld' AND f.valid_to IS NULL;
CREATE OR REPLACE VIEW cp_plans AS
  SELECT board_id, business_key AS plan_id, max(data->>'childId') AS child_key,
         max(CASE WHEN type = 'ChildProtectionPlanStarted' THEN data->>'startedOn' END) AS started_on,
         max(CASE WHEN type = 'ChildProtectionPlanStarted' THEN data->>'category' END) AS category,
         max(CASE WHEN type = 'ChildProtectionPlanEnded' THEN data->>'endedOn' END) AS ended_on,
         max(CASE WHEN type = 'ChildProtectionPlanEnded' THEN data->>'reason' END) AS end_reason
  FROM facts WHERE type IN ('ChildProtectionPlanStarted', 'ChildProtectionPlanEnded') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE OR REPLACE VIEW cp_reviews AS
  SELECT board_id, business_key AS review_id, data->>'planId' AS plan_id, data->>'childId' AS child_key,
         data->>'heldOn' AS held_on, (data->'childParticipated')::boolean AS child_participated
  ${current('ChildProtectionReviewHeld')};
CREATE OR REPLACE VIEW outcome_measurements AS
  SELECT board_id, business_key AS measurement_id, data->>'childId' AS child_key, data->>'instrument' AS instrument,
         (data->'score')::numeric AS score, (data->'scaleMin')::numeric AS scale_min, (data->'scaleMax')::numeric AS scale_max,
         data->>'measuredOn' AS measured_on, data->>'ratedBy' AS rated_by
  ${current('OutcomeMeasured')};
CREATE OR REPLACE VIEW audits AS
  SELECT board_id, business_key AS audit_id,
         max(CASE WHEN type = 'AuditScheduled' THEN data->>'title' END) AS title,
         max(CASE WHEN type = 'AuditScheduled' THEN data->>'dueOn' END) AS due_on,
         max(CASE WHEN type = 'AuditCompleted' THEN data->>'completedOn' END) AS completed_on
  FROM facts WHERE type IN ('AuditScheduled', 'AuditCompleted') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE OR REPLACE VIEW audit_case_results AS
  SELECT f.board_id, f.business_key AS audit_id, r.value->>'caseRef' AS case_ref, r.value->>'grade' AS grade,
         r.value->>'agency' AS agency, f.data->>'completedOn' AS completed_on
  FROM facts f CROSS JOIN LATERAL jsonb_array_elements(f.data->'caseResults') AS r(value)
  WHERE f.type = 'AuditCompleted' AND f.valid_to IS NULL;
CREATE OR REPLACE VIEW actions AS
  SELECT board_id, business_key AS action_id,
         max(CASE WHEN type = 'ActionAssigned' THEN data->>'title' END) AS title,
         max(CASE WHEN type = 'ActionAssigned' THEN data->>'ownerPartnerId' END) AS owner_partner_id,
         max(CASE WHEN type = 'ActionAssigned' THEN data->>'assignedOn' END) AS assigned_on,
         max(CASE WHEN type = 'ActionAssigned' THEN data->>'dueOn' END) AS original_due_on,
         max(CASE WHEN type = 'ActionAssigned' THEN data#>>'{arisingFrom,kind}' END) AS arising_from_kind,
         max(CASE WHEN type = 'ActionCompleted' THEN data->>'on' END) AS completed_on,
         max(CASE WHEN type = 'ActionCancelled' THEN data->>'on' END) AS cancelled_on
  FROM facts WHERE type IN ('ActionAssigned', 'ActionCompleted', 'ActionCancelled') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE OR REPLACE VIEW board_meetings AS
  SELECT board_id, business_key AS meeting_id, data->>'heldOn' AS held_on, (data->'quorate')::boolean AS quorate
  ${current('BoardMeetingHeld')};
CREATE OR REPLACE VIEW meeting_seats AS
  SELECT f.board_id, f.business_key AS meeting_id, a.value->>'partnerId' AS partner_id, (a.value->'delegate')::boolean AS delegate
  FROM facts f CROSS JOIN LATERAL jsonb_array_elements(f.data->'attendees') AS a(value)
  WHERE f.type = 'BoardMeetingHeld' AND f.valid_to IS NULL;
CREATE OR REPLACE VIEW funding_contributions AS
  SELECT board_id, business_key AS contribution_id, data->>'partnerId' AS partner_id, data->>'financialYear' AS financial_year,
         (data->'amountPence')::numeric AS amount_pence, data->>'dueOn' AS due_on
  ${current('FundingContributionAgreed')};
CREATE OR REPLACE VIEW funding_receipts AS
  SELECT board_id, business_key AS receipt_id, data->>'contributionId' AS contribution_id, data->>'partnerId' AS partner_id,
         (data->'amountPence')::numeric AS amount_pence, data->>'receivedOn' AS received_on
  ${current('FundingContributionReceived')};
CREATE OR REPLACE VIEW publications AS
  SELECT board_id, CASE type WHEN 'AnnualPlanPublished' THEN 'annual-plan' ELSE 'annual-report' END AS document,
         business_key AS financial_year, data->>'publishedOn' AS published_on
  FROM facts WHERE type IN ('AnnualPlanPublished', 'AnnualReportPublished') AND valid_to IS NULL;
CREATE OR REPLACE VIEW subgroup_meetings AS
  SELECT board_id, business_key AS meeting_id, max(data->>'subgroupId') AS subgroup_id,
         max(CASE WHEN type = 'SubgroupMeetingScheduled' THEN data->>'on' END) AS scheduled_on,
         max(CASE WHEN type = 'SubgroupMeetingHeld' THEN data->>'on' END) AS held_on
  FROM facts WHERE type IN ('SubgroupMeetingScheduled', 'SubgroupMeetingHeld') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE OR REPLACE VIEW engagement_activities AS
  SELECT board_id, business_key AS activity_id, data->>'on' AS held_on, data->>'with' AS engaged_with,
         (data->'participants')::numeric AS participants
  ${current('EngagementActivityHeld')};
CREATE OR REPLACE VIEW metric_targets AS
  SELECT board_id, data->>'metricCode' AS metric_code, data->>'financialYear' AS financial_year,
         (data->'target')::numeric AS target, (data->'amberWithin')::numeric AS amber_within
  ${current('MetricTargetSet')};
CREATE OR REPLACE VIEW data_quality_flags AS
  SELECT board_id, unit_key, unit_date, reason, breakdown, positions FROM metric_units
  WHERE metric_code = 'DQ-SEQUENCE' AND valid_to IS NULL;
`;

/** `DROP INDEX` for every index of `ddl` (a rebuild drops them and creates them again at the end). */
export function dropIndexesOf(ddl: string): string {
  return [...ddl.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)].map(([, name]) => `DROP INDEX IF EXISTS ${name};`).join('\n');
}
