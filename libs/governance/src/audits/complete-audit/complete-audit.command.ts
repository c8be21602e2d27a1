import { BoardCommand } from '../../board-command';
import type { AuditCompletedData } from '../audits.events';

/** Record that a scheduled audit was completed, with its case results (`AuditCompleted`). */
export class CompleteAuditCommand extends BoardCommand<AuditCompletedData> {}
