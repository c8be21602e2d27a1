import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActionsModule } from './actions/actions.module';
import { AuditsModule } from './audits/audits.module';
import { BoardEventDispatcher } from './board-event-dispatcher';
import { BoardsModule } from './boards/boards.module';
import { FundingModule } from './funding/funding.module';
import { GovernanceCoreModule } from './governance-core.module';
import { MeetingsModule } from './meetings/meetings.module';
import { PracticeReviewsModule } from './practice-reviews/practice-reviews.module';
import { PrioritiesModule } from './priorities/priorities.module';
import { PublicationsModule } from './publications/publications.module';
import { RetractionsModule } from './retractions/retractions.module';
import { TargetsModule } from './targets/targets.module';
import { TrainingModule } from './training/training.module';

/**
 * Board governance, the seven factors as commands, rules and events: one module per area, each
 * with its use cases, and what other modules use: {@link BoardEventDispatcher} (board CloudEvents
 * through the same rules), `BoardDirectory` (which board covers a local authority) and the
 * `AggregateRepository`. Needs `EVENT_STORE` from the application.
 */
@Module({
  imports: [
    CqrsModule.forRoot(),
    GovernanceCoreModule,
    BoardsModule,
    MeetingsModule,
    FundingModule,
    PublicationsModule,
    PrioritiesModule,
    AuditsModule,
    ActionsModule,
    PracticeReviewsModule,
    TrainingModule,
    TargetsModule,
    RetractionsModule,
  ],
  providers: [BoardEventDispatcher],
  exports: [GovernanceCoreModule, BoardEventDispatcher],
})
export class GovernanceModule {}
