import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, DomainRuleViolation, NotFound, type HandledCommand } from '@app/ddd';
import { Action } from '../../actions/action.aggregate';
import { Audit } from '../../audits/audit.aggregate';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardPartners } from '../../boards/board-partners.aggregate';
import { BoardRegistry } from '../../boards/board-registry.aggregate';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import { FundingContribution } from '../../funding/funding-contribution.aggregate';
import { BoardMeeting } from '../../meetings/board-meeting.aggregate';
import { PracticeReview } from '../../practice-reviews/practice-review.aggregate';
import { StrategicPriority } from '../../priorities/strategic-priority.aggregate';
import { Subgroup } from '../../priorities/subgroup.aggregate';
import { AnnualPublications } from '../../publications/annual-publications.aggregate';
import type { RetractableAggregate } from '../../record-retracted.events';
import { MetricTarget } from '../../targets/metric-target.aggregate';
import { EngagementActivity } from '../../training/engagement-activity.aggregate';
import { TrainingSession } from '../../training/training-session.aggregate';
import { RetractRecordCommand } from './retract-record.command';

/**
 * Appends the retraction to the stream of the fact it withdraws, where that fact's aggregate
 * decides whether there is anything in force to withdraw (and whether withdrawing it would leave
 * another fact without the fact it depends on).
 */
@CommandHandler(RetractRecordCommand)
export class RetractRecordHandler implements ICommandHandler<RetractRecordCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
  ) {}

  async execute({ data, context }: RetractRecordCommand): Promise<HandledCommand> {
    const { boardId, retractedType, businessId, reason } = data;
    const founding = await this.boards.getEstablishment(boardId);
    if (founding === null) throw new NotFound('Board', boardId);
    if (retractedType === 'BoardEstablished' && businessId !== boardId) {
      throw new DomainRuleViolation(
        'retraction-outside-board',
        `Board ${boardId} can retract its own establishment only, not that of ${businessId}`,
        { boardId, businessId },
        'unprocessable',
      );
    }
    if (retractedType === 'PartnerJoined' || retractedType === 'PartnerLeft') {
      return this.repository.handle(
        () => new BoardPartners(boardId),
        context,
        (partners) => partners.retract(retractedType, businessId, reason, founding),
      );
    }
    const create = await this.aggregateOf(boardId, retractedType, businessId);
    return this.repository.handle(create, context, (aggregate) => aggregate.retract(retractedType, businessId, reason));
  }

  /** The aggregate whose stream holds the fact. */
  private async aggregateOf(boardId: string, type: string, businessId: string): Promise<() => RetractableAggregate> {
    switch (type) {
      case 'BoardEstablished':
        return () => new BoardRegistry();
      case 'BoardMeetingHeld':
        return () => new BoardMeeting(boardId, businessId);
      case 'FundingContributionAgreed':
        return () => new FundingContribution(boardId, businessId);
      case 'FundingContributionReceived': {
        const contributionId = await this.parentOf(boardId, type, businessId);
        return () => new FundingContribution(boardId, contributionId);
      }
      case 'AnnualPlanPublished':
      case 'AnnualReportPublished':
        return () => new AnnualPublications(boardId, businessId);
      case 'StrategicPriorityDefined':
        return () => new StrategicPriority(boardId, businessId);
      case 'SubgroupFormed':
        return () => new Subgroup(boardId, businessId);
      case 'SubgroupMeetingScheduled':
      case 'SubgroupMeetingHeld': {
        const subgroupId = await this.parentOf(boardId, type, businessId);
        return () => new Subgroup(boardId, subgroupId);
      }
      case 'AuditScheduled':
      case 'AuditCompleted':
        return () => new Audit(boardId, businessId);
      case 'ActionAssigned':
      case 'ActionCompleted':
      case 'ActionCancelled':
        return () => new Action(boardId, businessId);
      case 'ActionDueDateChanged': {
        const [actionId] = splitCompositeKey(type, businessId);
        return () => new Action(boardId, actionId);
      }
      case 'PracticeReviewCommissioned':
      case 'PracticeReviewPublished':
        return () => new PracticeReview(boardId, businessId);
      case 'TrainingDelivered':
        return () => new TrainingSession(boardId, businessId);
      case 'EngagementActivityHeld':
        return () => new EngagementActivity(boardId, businessId);
      case 'MetricTargetSet': {
        const [metricCode, financialYear] = splitCompositeKey(type, businessId);
        return () => new MetricTarget(boardId, metricCode, financialYear);
      }
    }
    throw new DomainRuleViolation(
      'not-a-retractable-board-fact',
      `${type} is not a board fact that can be retracted`,
      { retractedType: type },
      'unprocessable',
    );
  }

  private async parentOf(boardId: string, type: string, businessId: string): Promise<string> {
    const location = await this.index.locateFact(boardId, type, businessId);
    if (location === null) throw new NotFound(type, businessId);
    return location.parentId;
  }
}

/** `act-7/2025-05-10` → [`act-7`, `2025-05-10`]: composite keys are joined by their last `/`. */
function splitCompositeKey(type: string, businessId: string): [string, string] {
  const slash = businessId.lastIndexOf('/');
  if (slash <= 0 || slash === businessId.length - 1) throw new NotFound(type, businessId);
  return [businessId.slice(0, slash), businessId.slice(slash + 1)];
}
