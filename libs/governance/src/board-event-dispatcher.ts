import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainRuleViolation, type CommandContext, type HandledCommand } from '@app/ddd';
import { AssignActionCommand } from './actions/assign-action/assign-action.command';
import { CancelActionCommand } from './actions/cancel-action/cancel-action.command';
import { ChangeActionDueDateCommand } from './actions/change-action-due-date/change-action-due-date.command';
import { CompleteActionCommand } from './actions/complete-action/complete-action.command';
import { CompleteAuditCommand } from './audits/complete-audit/complete-audit.command';
import { ScheduleAuditCommand } from './audits/schedule-audit/schedule-audit.command';
import type { BoardCommand } from './board-command';
import { EstablishBoardCommand } from './boards/establish-board/establish-board.command';
import { RecordPartnerJoiningCommand } from './boards/record-partner-joining/record-partner-joining.command';
import { RecordPartnerLeavingCommand } from './boards/record-partner-leaving/record-partner-leaving.command';
import { AgreeFundingContributionCommand } from './funding/agree-funding-contribution/agree-funding-contribution.command';
import { ReceiveFundingContributionCommand } from './funding/receive-funding-contribution/receive-funding-contribution.command';
import { RecordBoardMeetingCommand } from './meetings/record-board-meeting/record-board-meeting.command';
import { CommissionPracticeReviewCommand } from './practice-reviews/commission-practice-review/commission-practice-review.command';
import { PublishPracticeReviewCommand } from './practice-reviews/publish-practice-review/publish-practice-review.command';
import { DefineStrategicPriorityCommand } from './priorities/define-strategic-priority/define-strategic-priority.command';
import { FormSubgroupCommand } from './priorities/form-subgroup/form-subgroup.command';
import { RecordSubgroupMeetingCommand } from './priorities/record-subgroup-meeting/record-subgroup-meeting.command';
import { ScheduleSubgroupMeetingCommand } from './priorities/schedule-subgroup-meeting/schedule-subgroup-meeting.command';
import { PublishAnnualPlanCommand } from './publications/publish-annual-plan/publish-annual-plan.command';
import { PublishAnnualReportCommand } from './publications/publish-annual-report/publish-annual-report.command';
import { RetractRecordCommand } from './retractions/retract-record/retract-record.command';
import { SetMetricTargetCommand } from './targets/set-metric-target/set-metric-target.command';
import { RecordEngagementActivityCommand } from './training/record-engagement-activity/record-engagement-activity.command';
import { RecordTrainingSessionCommand } from './training/record-training-session/record-training-session.command';

type BoardCommandClass = new (data: never, context: CommandContext) => BoardCommand<unknown>;

/** The command that records each board event (events.md, "Board events"). */
export const BOARD_EVENT_COMMANDS: ReadonlyMap<string, BoardCommandClass> = new Map<string, BoardCommandClass>([
  ['BoardEstablished', EstablishBoardCommand],
  ['PartnerJoined', RecordPartnerJoiningCommand],
  ['PartnerLeft', RecordPartnerLeavingCommand],
  ['BoardMeetingHeld', RecordBoardMeetingCommand],
  ['FundingContributionAgreed', AgreeFundingContributionCommand],
  ['FundingContributionReceived', ReceiveFundingContributionCommand],
  ['AnnualPlanPublished', PublishAnnualPlanCommand],
  ['AnnualReportPublished', PublishAnnualReportCommand],
  ['StrategicPriorityDefined', DefineStrategicPriorityCommand],
  ['SubgroupFormed', FormSubgroupCommand],
  ['SubgroupMeetingScheduled', ScheduleSubgroupMeetingCommand],
  ['SubgroupMeetingHeld', RecordSubgroupMeetingCommand],
  ['AuditScheduled', ScheduleAuditCommand],
  ['AuditCompleted', CompleteAuditCommand],
  ['ActionAssigned', AssignActionCommand],
  ['ActionDueDateChanged', ChangeActionDueDateCommand],
  ['ActionCompleted', CompleteActionCommand],
  ['ActionCancelled', CancelActionCommand],
  ['PracticeReviewCommissioned', CommissionPracticeReviewCommand],
  ['PracticeReviewPublished', PublishPracticeReviewCommand],
  ['TrainingDelivered', RecordTrainingSessionCommand],
  ['EngagementActivityHeld', RecordEngagementActivityCommand],
  ['MetricTargetSet', SetMetricTargetCommand],
  ['RecordRetracted', RetractRecordCommand],
]);

/**
 * Board events that arrive as CloudEvents go through the same commands, and so the same rules,
 * as those recorded over HTTP. The ingestion pipeline calls it after the envelope and the data
 * have been validated; shapes are not checked again here, only the rules.
 */
@Injectable()
export class BoardEventDispatcher {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Runs the command of a board event (`RecordRetracted` with `boardId` included).
   * @throws DomainRuleViolation `not-a-board-event` for any other name; NotFound, DomainRuleViolation
   *   and the store's errors as the command throws them.
   */
  async dispatch(eventName: string, data: Record<string, unknown>, context: CommandContext): Promise<HandledCommand> {
    const Command = BOARD_EVENT_COMMANDS.get(eventName);
    if (Command === undefined) {
      throw new DomainRuleViolation('not-a-board-event', `${eventName} is not a board event`, { eventName }, 'unprocessable');
    }
    return this.commands.execute(new Command(data as never, context));
  }
}
