import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertFinancialYear, assertHappened, assertNotBeforeEstablished, assertPartnerInFinancialYear } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import {
  FundingContributionAgreed,
  FundingContributionReceived,
  type FundingContributionAgreedData,
  type FundingContributionReceivedData,
} from './funding.events';

type ContributionEvent = FundingContributionAgreed | FundingContributionReceived | RecordRetracted;

/**
 * A partner's agreed contribution to the board for a financial year and the receipts against it
 * (`board-<boardId>-contribution-<contributionId>`).
 *
 * More may be received than was agreed: the money arrived, so the fact is recorded;
 * `FUND-CONTRIB-RECEIVED` caps each contribution at its agreed amount when it counts.
 */
export class FundingContribution extends EventSourcedAggregate<ContributionEvent> implements RetractableAggregate {
  agreed: FundingContributionAgreedData | null = null;
  readonly receipts = new Map<string, FundingContributionReceivedData>();

  constructor(
    readonly boardId: string,
    readonly contributionId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'contribution', this.contributionId);
  }

  /** Agree a contribution, or correct the agreement (another amount, due date or year). */
  agree(data: FundingContributionAgreedData, board: BoardView): void {
    assertFinancialYear(data.financialYear);
    assertWholePence(data.amountPence);
    assertPartnerInFinancialYear(board, data.partnerId, data.financialYear);
    const receivedFrom = [...this.receipts.values()].find((receipt) => receipt.partnerId !== data.partnerId);
    if (receivedFrom !== undefined) {
      throw new DomainRuleViolation(
        'contribution-partner-changed-after-receipt',
        `Contribution ${data.contributionId} has receipt ${receivedFrom.receiptId} from partner ${receivedFrom.partnerId}; retract it before giving the contribution to ${data.partnerId}`,
        {
          contributionId: data.contributionId,
          partnerId: data.partnerId,
          receiptId: receivedFrom.receiptId,
          receiptPartnerId: receivedFrom.partnerId,
        },
      );
    }
    this.apply(new FundingContributionAgreed(data));
  }

  /** Record money received against this contribution, or correct a receipt (same `receiptId`). */
  receive(data: FundingContributionReceivedData, board: BoardView, today: string): void {
    assertHappened('receivedOn', data.receivedOn, today);
    assertNotBeforeEstablished(board, 'receivedOn', data.receivedOn);
    assertWholePence(data.amountPence);
    if (this.agreed === null) {
      throw new DomainRuleViolation(
        'contribution-not-agreed',
        `No contribution ${data.contributionId} has been agreed with board ${data.boardId}`,
        { boardId: data.boardId, contributionId: data.contributionId, receiptId: data.receiptId },
      );
    }
    if (this.agreed.partnerId !== data.partnerId) {
      throw new DomainRuleViolation(
        'receipt-partner-mismatch',
        `Contribution ${data.contributionId} was agreed with partner ${this.agreed.partnerId}, not ${data.partnerId}`,
        { contributionId: data.contributionId, partnerId: data.partnerId, agreedPartnerId: this.agreed.partnerId },
      );
    }
    this.apply(new FundingContributionReceived(data));
  }

  /** Sum of the receipts in force, in pence. */
  receivedPence(): number {
    return [...this.receipts.values()].reduce((sum, receipt) => sum + receipt.amountPence, 0);
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType === FundingContributionAgreed.type && this.agreed !== null && businessId === this.contributionId) {
      if (this.receipts.size > 0) {
        throw new DomainRuleViolation(
          'retraction-leaves-dependent-facts',
          `Contribution ${businessId} has receipts in force; retract them first`,
          {
            retractedType,
            businessId,
            dependents: [...this.receipts.keys()].map((receiptId) => ({ type: FundingContributionReceived.type, businessId: receiptId })),
          },
        );
      }
    } else if (retractedType !== FundingContributionReceived.type || !this.receipts.has(businessId)) {
      throw new NotFound(retractedType, businessId);
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onFundingContributionAgreed(event: { data: FundingContributionAgreedData }): void {
    this.agreed = event.data;
  }

  onFundingContributionReceived(event: { data: FundingContributionReceivedData }): void {
    this.receipts.set(event.data.receiptId, event.data);
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === FundingContributionAgreed.type) this.agreed = null;
    else this.receipts.delete(event.data.businessId);
  }
}

function assertWholePence(amountPence: number): void {
  if (!Number.isSafeInteger(amountPence) || amountPence < 0) {
    throw new DomainRuleViolation(
      'amount-not-whole-pence',
      `Amount ${amountPence} must be a whole number of pence, 0 or more`,
      { amountPence },
      'unprocessable',
    );
  }
}
