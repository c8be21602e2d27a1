import { BoardCommand } from '../../board-command';
import type { SubgroupFormedData } from '../priorities.events';

/** Form a subgroup of the board, or correct it (`SubgroupFormed`). */
export class FormSubgroupCommand extends BoardCommand<SubgroupFormedData> {}
