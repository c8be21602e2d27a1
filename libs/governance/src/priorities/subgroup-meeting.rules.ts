import { AggregateRepository, DomainRuleViolation } from '@app/ddd';
import type { BoardStreamIndex } from '../boards/board-stream-index';
import { Subgroup } from './subgroup.aggregate';

/**
 * A meeting id is a business key of the board: a meeting in force in one subgroup may not be
 * scheduled (or held) in another. Correcting which subgroup met means retracting it there first.
 */
export async function assertMeetingNotInAnotherSubgroup(
  index: BoardStreamIndex,
  repository: AggregateRepository,
  meeting: { boardId: string; subgroupId: string; meetingId: string },
  type: 'SubgroupMeetingScheduled' | 'SubgroupMeetingHeld',
): Promise<void> {
  const location = await index.locateFact(meeting.boardId, type, meeting.meetingId);
  if (location === null || location.parentId === meeting.subgroupId) return;
  const other = await repository.load(new Subgroup(meeting.boardId, location.parentId));
  const inForce = type === 'SubgroupMeetingScheduled' ? other.scheduled : other.held;
  if (inForce.has(meeting.meetingId)) {
    throw new DomainRuleViolation(
      'meeting-recorded-for-another-subgroup',
      `Meeting ${meeting.meetingId} is recorded for subgroup ${location.parentId}; retract it there first`,
      { meetingId: meeting.meetingId, subgroupId: meeting.subgroupId, otherSubgroupId: location.parentId },
    );
  }
}
