import type { BusinessDate } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import type { ChildCaseFacts, Fact } from '../../facts/fact';
import type { MetricUnit } from '../../metric-unit';

export const CHILD = 'child-a';
export const SOURCE = 'urn:case-system:wccis:W06000015';
const LOCAL_AUTHORITY = 'W06000015';

interface FactOptions {
  /** Positions of earlier versions (a correction); the fact's own position is appended. */
  earlierPositions?: number[];
  source?: string;
}

/**
 * Builds one child's case facts as the projections hand them to the metrics: the latest version
 * of each fact, positions increasing in the order built (so later-built facts are later in the ledger).
 */
export class CaseFactsFixture {
  private nextPosition = 1;

  constructor(readonly childKey: string = CHILD) {}

  fact(type: string, key: string, data: JsonObject, options: FactOptions = {}): Fact {
    const position = this.nextPosition++;
    return {
      type,
      key,
      data: { localAuthority: LOCAL_AUTHORITY, ...data },
      position,
      positions: [...(options.earlierPositions ?? []), position],
      source: options.source ?? SOURCE,
    };
  }

  /** Skips positions, as other children's and boards' events take them in the ledger. */
  skip(count: number): void {
    this.nextPosition += count;
  }

  referral(referralId: string, receivedOn: BusinessDate, extra: JsonObject = {}): Fact {
    return this.fact('ReferralReceived', referralId, { referralId, childId: this.childKey, receivedOn, ...extra });
  }

  assessmentStarted(assessmentId: string, startedOn: BusinessDate, referralId?: string): Fact {
    return this.fact('AssessmentStarted', assessmentId, {
      assessmentId,
      childId: this.childKey,
      startedOn,
      ...(referralId === undefined ? {} : { referralId }),
    });
  }

  assessmentCompleted(assessmentId: string, completedOn: BusinessDate, referralId?: string, options?: FactOptions): Fact {
    return this.fact(
      'AssessmentCompleted',
      assessmentId,
      { assessmentId, childId: this.childKey, completedOn, ...(referralId === undefined ? {} : { referralId }) },
      options,
    );
  }

  strategyDiscussion(
    strategyDiscussionId: string,
    heldOn: BusinessDate,
    options: FactOptions & { decision?: string; childIds?: string[] } = {},
  ): Fact {
    return this.fact(
      'StrategyDiscussionHeld',
      strategyDiscussionId,
      {
        strategyDiscussionId,
        childIds: options.childIds ?? [this.childKey],
        heldOn,
        decision: options.decision ?? 'child-protection-enquiry',
      },
      options,
    );
  }

  conference(
    conferenceId: string,
    heldOn: BusinessDate,
    options: FactOptions & { strategyDiscussionId?: string; childIds?: string[]; transferIn?: boolean } = {},
  ): Fact {
    const childIds = options.childIds ?? [this.childKey];
    return this.fact(
      'InitialChildProtectionConferenceHeld',
      conferenceId,
      {
        conferenceId,
        childIds,
        heldOn,
        outcomes: childIds.map((childId) => ({ childId, registered: true })),
        ...(options.strategyDiscussionId === undefined ? {} : { strategyDiscussionId: options.strategyDiscussionId }),
        ...(options.transferIn === undefined ? {} : { transferIn: options.transferIn }),
      },
      options,
    );
  }

  planStarted(planId: string, startedOn: BusinessDate, extra: JsonObject = {}): Fact {
    return this.fact('ChildProtectionPlanStarted', planId, {
      planId,
      childId: this.childKey,
      startedOn,
      category: 'neglect',
      ...extra,
    });
  }

  planEnded(planId: string, endedOn: BusinessDate, options?: FactOptions): Fact {
    return this.fact('ChildProtectionPlanEnded', planId, { planId, childId: this.childKey, endedOn, reason: 'no-longer-at-risk' }, options);
  }

  reviewHeld(reviewId: string, planId: string, heldOn: BusinessDate): Fact {
    return this.fact('ChildProtectionReviewHeld', reviewId, { reviewId, planId, childId: this.childKey, heldOn });
  }

  outcome(
    measurementId: string,
    instrument: string,
    score: number,
    measuredOn: BusinessDate,
    scale: { scaleMin: number; scaleMax: number } = { scaleMin: 0, scaleMax: 10 },
  ): Fact {
    return this.fact('OutcomeMeasured', measurementId, {
      measurementId,
      childId: this.childKey,
      instrument,
      score,
      ...scale,
      measuredOn,
      ratedBy: 'child',
    });
  }

  child(...facts: Fact[]): ChildCaseFacts {
    return { boardId: 'board-1', childKey: this.childKey, facts };
  }
}

/** The units one metric produced, in the order produced. */
export function unitsOf(units: MetricUnit[], metricCode: string): MetricUnit[] {
  return units.filter((unit) => unit.metricCode === metricCode);
}
