/**
 * The metrics read model, a documented schema that BI tools may query directly.
 *
 * Tables (system-versioned: a row is valid for log positions `valid_from <= p < valid_to`,
 * `valid_to IS NULL` for the current version; a correction closes the old row and inserts the
 * new one at the correcting event's position, a retraction only closes):
 * - `facts`: every business fact (case and board), `data` as recorded (child ids pseudonymised),
 *   `positions` the log positions of every version so far.
 * - `metric_units`: every unit of every case metric (one child's conference, a plan, a referral...)
 *   with how it was counted, why, and the positions of its source events.
 * - `metric_daily`: current units totalled per board, metric, day, counted and breakdown.
 * - `checkpoints`: the last log position applied, when (`updated_at`), and, while the read model is
 *   being rebuilt, when that rebuild started (`rebuild_started_at`; null otherwise). During a
 *   rebuild the secondary indexes and `metric_daily` are absent until it finishes.
 * Views (current rows only) name the facts as the glossary does: `referrals`, `assessments`,
 * `strategy_discussions`, `conference_children`, `cp_plans`, `cp_reviews`, `outcome_measurements`,
 * `audits`, `audit_case_results`, `actions`, `board_meetings`, `meeting_seats`, `funding_contributions`,
 * `funding_receipts`, `publications`, `subgroup_meetings`, `engagement_activities`, `metric_targets`,
 * `data_quality_flags`.
 * Views are dropped and created again at every open (`dropViewsOf`), so that a changed
 * definition reaches existing files.
 */
export const READ_MODEL_TABLES = `
CREATE TABLE IF NOT EXISTS facts (
  id            INTEGER PRIMARY KEY,
  board_id      TEXT    NOT NULL,
  scope         TEXT    NOT NULL,
  type          TEXT    NOT NULL,
  business_key  TEXT    NOT NULL,
  business_date TEXT,
  child_keys    TEXT    NOT NULL,
  data          TEXT    NOT NULL,
  position      INTEGER NOT NULL,
  positions     TEXT    NOT NULL,
  source        TEXT    NOT NULL,
  valid_from    INTEGER NOT NULL,
  valid_to      INTEGER
);
CREATE TABLE IF NOT EXISTS metric_units (
  id                INTEGER PRIMARY KEY,
  board_id          TEXT    NOT NULL,
  child_key         TEXT    NOT NULL,
  metric_code       TEXT    NOT NULL,
  unit_key          TEXT    NOT NULL,
  unit_date         TEXT    NOT NULL,
  counted           TEXT    NOT NULL,
  reason            TEXT,
  data_quality      INTEGER NOT NULL,
  value             REAL,
  denominator_value REAL,
  breakdown         TEXT    NOT NULL,
  positions         TEXT    NOT NULL,
  valid_from        INTEGER NOT NULL,
  valid_to          INTEGER
);
CREATE TABLE IF NOT EXISTS metric_daily (
  board_id        TEXT    NOT NULL,
  metric_code     TEXT    NOT NULL,
  unit_date       TEXT    NOT NULL,
  counted         TEXT    NOT NULL,
  breakdown       TEXT    NOT NULL,
  units           INTEGER NOT NULL,
  value_sum       REAL    NOT NULL,
  denominator_sum REAL    NOT NULL,
  PRIMARY KEY (board_id, metric_code, unit_date, counted, breakdown)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  name               TEXT PRIMARY KEY,
  position           INTEGER NOT NULL,
  updated_at         TEXT NOT NULL,
  rebuild_started_at TEXT
);
`;

/** Columns added since the first release, for files created before them: table, column, type. */
export const READ_MODEL_ADDED_COLUMNS: ReadonlyArray<readonly [string, string, string]> = [['checkpoints', 'rebuild_started_at', 'TEXT']];

export const READ_MODEL_INDEXES = `
CREATE INDEX IF NOT EXISTS facts_by_board ON facts (board_id, scope, valid_from);
CREATE INDEX IF NOT EXISTS facts_current ON facts (valid_to);
CREATE INDEX IF NOT EXISTS units_by_period ON metric_units (board_id, metric_code, unit_date, unit_key);
CREATE INDEX IF NOT EXISTS units_current ON metric_units (valid_to);
`;

const current = (type: string) => `FROM facts WHERE type = '${type}' AND valid_to IS NULL`;

export const READ_MODEL_VIEWS = `
CREATE VIEW IF NOT EXISTS referrals AS
  SELECT board_id, business_key AS referral_id, json_extract(data, '$.localAuthority') AS local_authority,
         json_extract(data, '$.childId') AS child_key, json_extract(data, '$.receivedOn') AS received_on,
         json_extract(data, '$.source') AS referral_source, json_extract(data, '$.noFurtherAction') AS no_further_action, positions
  ${current('ReferralReceived')};
CREATE VIEW IF NOT EXISTS assessments AS
  SELECT board_id, business_key AS assessment_id, max(json_extract(data, '$.childId')) AS child_key,
         max(json_extract(data, '$.referralId')) AS referral_id,
         max(CASE WHEN type = 'AssessmentStarted' THEN json_extract(data, '$.startedOn') END) AS started_on,
         max(CASE WHEN type = 'AssessmentCompleted' THEN json_extract(data, '$.completedOn') END) AS completed_on
  FROM facts WHERE type IN ('AssessmentStarted', 'AssessmentCompleted') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE VIEW IF NOT EXISTS strategy_discussions AS
  SELECT board_id, business_key AS strategy_discussion_id, json_extract(data, '$.heldOn') AS held_on,
         json_extract(data, '$.decision') AS decision, child_keys, positions
  ${current('StrategyDiscussionHeld')};
CREATE VIEW IF NOT EXISTS conference_children AS
  SELECT f.board_id, f.business_key AS conference_id, c.value AS child_key, json_extract(f.data, '$.heldOn') AS held_on,
         json_extract(f.data, '$.strategyDiscussionId') AS strategy_discussion_id, json_extract(f.data, '$.transferIn') AS transfer_in, f.positions
  FROM facts f, json_each(f.data, '$.childIds') c WHERE f.type = 'InitialChildProtectionConferenceHeld' AND f.valid_to IS NULL;
CREATE VIEW IF NOT EXISTS cp_plans AS
  SELECT board_id, business_key AS plan_id, max(json_extract(data, '$.childId')) AS child_key,
         max(CASE WHEN type = 'ChildProtectionPlanStarted' THEN json_extract(data, '$.startedOn') END) AS started_on,
         max(CASE WHEN type = 'ChildProtectionPlanStarted' THEN json_extract(data, '$.category') END) AS category,
         max(CASE WHEN type = 'ChildProtectionPlanEnded' THEN json_extract(data, '$.endedOn') END) AS ended_on,
         max(CASE WHEN type = 'ChildProtectionPlanEnded' THEN json_extract(data, '$.reason') END) AS end_reason
  FROM facts WHERE type IN ('ChildProtectionPlanStarted', 'ChildProtectionPlanEnded') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE VIEW IF NOT EXISTS cp_reviews AS
  SELECT board_id, business_key AS review_id, json_extract(data, '$.planId') AS plan_id, json_extract(data, '$.childId') AS child_key,
         json_extract(data, '$.heldOn') AS held_on, json_extract(data, '$.childParticipated') AS child_participated
  ${current('ChildProtectionReviewHeld')};
CREATE VIEW IF NOT EXISTS outcome_measurements AS
  SELECT board_id, business_key AS measurement_id, json_extract(data, '$.childId') AS child_key, json_extract(data, '$.instrument') AS instrument,
         json_extract(data, '$.score') AS score, json_extract(data, '$.scaleMin') AS scale_min, json_extract(data, '$.scaleMax') AS scale_max,
         json_extract(data, '$.measuredOn') AS measured_on, json_extract(data, '$.ratedBy') AS rated_by
  ${current('OutcomeMeasured')};
CREATE VIEW IF NOT EXISTS audits AS
  SELECT board_id, business_key AS audit_id,
         max(CASE WHEN type = 'AuditScheduled' THEN json_extract(data, '$.title') END) AS title,
         max(CASE WHEN type = 'AuditScheduled' THEN json_extract(data, '$.dueOn') END) AS due_on,
         max(CASE WHEN type = 'AuditCompleted' THEN json_extract(data, '$.completedOn') END) AS completed_on
  FROM facts WHERE type IN ('AuditScheduled', 'AuditCompleted') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE VIEW IF NOT EXISTS audit_case_results AS
  SELECT f.board_id, f.business_key AS audit_id, json_extract(r.value, '$.caseRef') AS case_ref, json_extract(r.value, '$.grade') AS grade,
         json_extract(r.value, '$.agency') AS agency, json_extract(f.data, '$.completedOn') AS completed_on
  FROM facts f, json_each(f.data, '$.caseResults') r WHERE f.type = 'AuditCompleted' AND f.valid_to IS NULL;
CREATE VIEW IF NOT EXISTS actions AS
  SELECT board_id, business_key AS action_id,
         max(CASE WHEN type = 'ActionAssigned' THEN json_extract(data, '$.title') END) AS title,
         max(CASE WHEN type = 'ActionAssigned' THEN json_extract(data, '$.ownerPartnerId') END) AS owner_partner_id,
         max(CASE WHEN type = 'ActionAssigned' THEN json_extract(data, '$.assignedOn') END) AS assigned_on,
         max(CASE WHEN type = 'ActionAssigned' THEN json_extract(data, '$.dueOn') END) AS original_due_on,
         max(CASE WHEN type = 'ActionAssigned' THEN json_extract(data, '$.arisingFrom.kind') END) AS arising_from_kind,
         max(CASE WHEN type = 'ActionCompleted' THEN json_extract(data, '$.on') END) AS completed_on,
         max(CASE WHEN type = 'ActionCancelled' THEN json_extract(data, '$.on') END) AS cancelled_on
  FROM facts WHERE type IN ('ActionAssigned', 'ActionCompleted', 'ActionCancelled') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE VIEW IF NOT EXISTS board_meetings AS
  SELECT board_id, business_key AS meeting_id, json_extract(data, '$.heldOn') AS held_on, json_extract(data, '$.quorate') AS quorate
  ${current('BoardMeetingHeld')};
CREATE VIEW IF NOT EXISTS meeting_seats AS
  SELECT f.board_id, f.business_key AS meeting_id, json_extract(a.value, '$.partnerId') AS partner_id, json_extract(a.value, '$.delegate') AS delegate
  FROM facts f, json_each(f.data, '$.attendees') a WHERE f.type = 'BoardMeetingHeld' AND f.valid_to IS NULL;
CREATE VIEW IF NOT EXISTS funding_contributions AS
  SELECT board_id, business_key AS contribution_id, json_extract(data, '$.partnerId') AS partner_id, json_extract(data, '$.financialYear') AS financial_year,
         json_extract(data, '$.amountPence') AS amount_pence, json_extract(data, '$.dueOn') AS due_on
  ${current('FundingContributionAgreed')};
CREATE VIEW IF NOT EXISTS funding_receipts AS
  SELECT board_id, business_key AS receipt_id, json_extract(data, '$.contributionId') AS contribution_id, json_extract(data, '$.partnerId') AS partner_id,
         json_extract(data, '$.amountPence') AS amount_pence, json_extract(data, '$.receivedOn') AS received_on
  ${current('FundingContributionReceived')};
CREATE VIEW IF NOT EXISTS publications AS
  SELECT board_id, CASE type WHEN 'AnnualPlanPublished' THEN 'annual-plan' ELSE 'annual-report' END AS document,
         business_key AS financial_year, json_extract(data, '$.publishedOn') AS published_on
  FROM facts WHERE type IN ('AnnualPlanPublished', 'AnnualReportPublished') AND valid_to IS NULL;
CREATE VIEW IF NOT EXISTS subgroup_meetings AS
  SELECT board_id, business_key AS meeting_id, max(json_extract(data, '$.subgroupId')) AS subgroup_id,
         max(CASE WHEN type = 'SubgroupMeetingScheduled' THEN json_extract(data, '$.on') END) AS scheduled_on,
         max(CASE WHEN type = 'SubgroupMeetingHeld' THEN json_extract(data, '$.on') END) AS held_on
  FROM facts WHERE type IN ('SubgroupMeetingScheduled', 'SubgroupMeetingHeld') AND valid_to IS NULL GROUP BY board_id, business_key;
CREATE VIEW IF NOT EXISTS engagement_activities AS
  SELECT board_id, business_key AS activity_id, json_extract(data, '$.on') AS held_on, json_extract(data, '$.with') AS engaged_with,
         json_extract(data, '$.participants') AS participants
  ${current('EngagementActivityHeld')};
CREATE VIEW IF NOT EXISTS metric_targets AS
  SELECT board_id, json_extract(data, '$.metricCode') AS metric_code, json_extract(data, '$.financialYear') AS financial_year,
         json_extract(data, '$.target') AS target, json_extract(data, '$.amberWithin') AS amber_within
  ${current('MetricTargetSet')};
CREATE VIEW IF NOT EXISTS data_quality_flags AS
  SELECT board_id, unit_key, unit_date, reason, breakdown, positions FROM metric_units
  WHERE metric_code = 'DQ-SEQUENCE' AND valid_to IS NULL;
`;

/** `DROP VIEW` for every view of `ddl`. */
export function dropViewsOf(ddl: string): string {
  return [...ddl.matchAll(/CREATE VIEW IF NOT EXISTS (\w+)/g)].map(([, name]) => `DROP VIEW IF EXISTS ${name};`).join('\n');
}
