import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { CommissionPracticeReviewCommand } from './commission-practice-review/commission-practice-review.command';
import {
  COMMISSION_PRACTICE_REVIEW_EXAMPLE,
  CommissionPracticeReviewRequest,
  PracticeReviewRecorded,
} from './commission-practice-review/commission-practice-review.dto';
import type { PracticeReviewMilestoneData } from './practice-reviews.events';
import { PublishPracticeReviewCommand } from './publish-practice-review/publish-practice-review.command';
import { PUBLISH_PRACTICE_REVIEW_EXAMPLE, PublishPracticeReviewRequest } from './publish-practice-review/publish-practice-review.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Child practice reviews. Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: practice reviews')
@Roles('board-admin')
@Controller('v1/boards/:boardId/practice-reviews')
export class PracticeReviewsController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post()
  @ApiBoardCommand({
    summary: 'Record that a child practice review was commissioned (PracticeReviewCommissioned)',
    request: CommissionPracticeReviewRequest,
    example: COMMISSION_PRACTICE_REVIEW_EXAMPLE,
    response: PracticeReviewRecorded,
  })
  async commission(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<PracticeReviewRecorded> {
    const { data, recorded } = await this.recorder.record<PracticeReviewMilestoneData>(
      request,
      'PracticeReviewCommissioned',
      { boardId },
      body,
      (d, context) => new CommissionPracticeReviewCommand(d, context),
    );
    return { ...recorded, reviewId: data.reviewId };
  }

  @Post(':reviewId/publication')
  @ApiBoardCommand({
    summary: 'Record that a commissioned practice review was published (PracticeReviewPublished)',
    description: 'The review must have been commissioned (404 otherwise), as the same kind, on or before the day it is published.',
    request: PublishPracticeReviewRequest,
    example: PUBLISH_PRACTICE_REVIEW_EXAMPLE,
    response: PracticeReviewRecorded,
  })
  async publish(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('reviewId') reviewId: string,
    @Body() body: unknown,
  ): Promise<PracticeReviewRecorded> {
    const { data, recorded } = await this.recorder.record<PracticeReviewMilestoneData>(
      request,
      'PracticeReviewPublished',
      { boardId, reviewId },
      body,
      (d, context) => new PublishPracticeReviewCommand(d, context),
    );
    return { ...recorded, reviewId: data.reviewId };
  }
}
