import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AggregateRepository } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import { GovernanceClock } from '../../governance-clock';
import { Audit } from '../audit.aggregate';
import type { AuditCaseResult, AuditCompletedData, AuditScheduledData } from '../audits.events';
import type { AuditProgramme, AuditProgrammeEntry, GradeCounts } from './audit-programme.dto';
import { AuditProgrammeQuery } from './audit-programme.query';

/**
 * Folds each audit stream of the board. Governance read models are a later issue; until then the
 * programme is read from the audits' own streams, which is exact and cheap at a board's scale.
 */
@QueryHandler(AuditProgrammeQuery)
export class AuditProgrammeHandler implements IQueryHandler<AuditProgrammeQuery> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ boardId }: AuditProgrammeQuery): Promise<AuditProgramme> {
    await this.boards.requireBoard(boardId);
    const today = this.clock.today();
    const prefix = boardFactStream(boardId, 'audit', '');
    const streams = await this.index.streamsOf(boardId, 'audit');
    const audits = await Promise.all(streams.map((stream) => this.repository.load(new Audit(boardId, stream.slice(prefix.length)))));
    const entries = audits.flatMap((audit) => (audit.scheduled === null ? [] : [entryOf(audit.scheduled, audit.completed, today)]));
    entries.sort((a, b) => (a.dueOn === b.dueOn ? a.auditId.localeCompare(b.auditId) : a.dueOn < b.dueOn ? -1 : 1));
    const completed = entries.filter((entry) => entry.state === 'completed');
    return {
      boardId,
      asOf: today,
      audits: entries,
      summary: {
        scheduled: entries.length,
        completed: completed.length,
        completedOnTime: completed.filter((entry) => entry.completedOnTime === true).length,
        due: entries.filter((entry) => entry.state === 'due').length,
        overdue: entries.filter((entry) => entry.state === 'overdue').length,
        grades: sumGrades(completed.map((entry) => entry.grades)),
      },
    };
  }
}

function entryOf(scheduled: AuditScheduledData, completed: AuditCompletedData | null, today: string): AuditProgrammeEntry {
  const completedOn = completed?.completedOn ?? null;
  return {
    auditId: scheduled.auditId,
    title: scheduled.title,
    dueOn: scheduled.dueOn,
    completedOn,
    state: completedOn !== null ? 'completed' : scheduled.dueOn < today ? 'overdue' : 'due',
    completedOnTime: completedOn === null ? null : completedOn <= scheduled.dueOn,
    grades: countGrades(completed?.caseResults ?? []),
  };
}

function countGrades(results: readonly AuditCaseResult[]): GradeCounts {
  const counts: GradeCounts = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 };
  for (const result of results) counts[result.grade] += 1;
  return counts;
}

function sumGrades(all: readonly GradeCounts[]): GradeCounts {
  const total: GradeCounts = { outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 };
  for (const counts of all) for (const grade of Object.keys(total) as (keyof GradeCounts)[]) total[grade] += counts[grade];
  return total;
}
