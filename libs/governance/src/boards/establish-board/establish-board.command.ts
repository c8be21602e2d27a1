import { BoardCommand } from '../../board-command';
import type { BoardEstablishedData } from '../boards.events';

/** Establish a board, or correct its establishment (`BoardEstablished`). */
export class EstablishBoardCommand extends BoardCommand<BoardEstablishedData> {}
