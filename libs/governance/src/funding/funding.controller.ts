import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { AgreeFundingContributionCommand } from './agree-funding-contribution/agree-funding-contribution.command';
import {
  AGREE_FUNDING_CONTRIBUTION_EXAMPLE,
  AgreeFundingContributionRequest,
  FundingContributionRecorded,
} from './agree-funding-contribution/agree-funding-contribution.dto';
import type { FundingContributionAgreedData, FundingContributionReceivedData } from './funding.events';
import { ReceiveFundingContributionCommand } from './receive-funding-contribution/receive-funding-contribution.command';
import {
  FundingReceiptRecorded,
  RECEIVE_FUNDING_CONTRIBUTION_EXAMPLE,
  ReceiveFundingContributionRequest,
} from './receive-funding-contribution/receive-funding-contribution.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: funding')
@Roles('board-admin')
@Controller('v1/boards/:boardId/funding')
export class FundingController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post('contributions')
  @ApiBoardCommand({
    summary: "Agree a partner's funding contribution for a financial year (FundingContributionAgreed)",
    request: AgreeFundingContributionRequest,
    example: AGREE_FUNDING_CONTRIBUTION_EXAMPLE,
    response: FundingContributionRecorded,
  })
  async agree(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<FundingContributionRecorded> {
    const { data, recorded } = await this.recorder.record<FundingContributionAgreedData>(
      request,
      'FundingContributionAgreed',
      { boardId },
      body,
      (d, context) => new AgreeFundingContributionCommand(d, context),
    );
    return { ...recorded, contributionId: data.contributionId };
  }

  @Post('receipts')
  @ApiBoardCommand({
    summary: 'Record money received against an agreed contribution (FundingContributionReceived)',
    request: ReceiveFundingContributionRequest,
    example: RECEIVE_FUNDING_CONTRIBUTION_EXAMPLE,
    response: FundingReceiptRecorded,
  })
  async receive(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<FundingReceiptRecorded> {
    const { data, recorded } = await this.recorder.record<FundingContributionReceivedData>(
      request,
      'FundingContributionReceived',
      { boardId },
      body,
      (d, context) => new ReceiveFundingContributionCommand(d, context),
    );
    return { ...recorded, receiptId: data.receiptId, contributionId: data.contributionId };
  }
}
