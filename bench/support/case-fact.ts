import type { NewEvent } from '@app/event-store';

/** A fact of the size and shape the ledger stores: a case-system fact with full lineage. */
export function caseFact(run: string, n: number): NewEvent {
  return {
    type: 'ChildProtectionPlanStarted',
    data: {
      boardId: 'board-north',
      partnerId: 'partner-la-07',
      caseRef: `case-${run}-${n}`,
      childRef: `child-${n % 9_973}`,
      planId: `plan-${n}`,
      startedOn: '2025-03-14',
      category: n % 3 === 0 ? 'neglect' : 'emotional-abuse',
      reviewDueOn: '2025-06-13',
      notes: 'Initial child protection conference held; plan agreed with "core group".',
    },
    metadata: {
      correlationId: `corr-${run}-${n}`,
      causationId: `cause-${run}-${n}`,
      source: 'urn:partner:la-07:case-system',
      sourceEventId: `src-${run}-${n}`,
      transport: { kind: 'kafka', topic: 'safeguarding.case-facts', partition: n % 6, offset: String(n) },
    },
  };
}
