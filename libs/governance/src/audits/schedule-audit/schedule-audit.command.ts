import { BoardCommand } from '../../board-command';
import type { AuditScheduledData } from '../audits.events';

/** Put an audit on the board's audit programme, or correct it (`AuditScheduled`). */
export class ScheduleAuditCommand extends BoardCommand<AuditScheduledData> {}
