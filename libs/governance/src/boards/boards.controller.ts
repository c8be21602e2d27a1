import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@app/ddd';
import { ApiError } from '@app/platform';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { BoardDirectory } from './board-directory';
import { BoardDto, BoardListDto } from './board-view.dto';
import type { BoardEstablishedData, PartnerMembershipChangedData } from './boards.events';
import { EstablishBoardCommand } from './establish-board/establish-board.command';
import { BoardRecorded, ESTABLISH_BOARD_EXAMPLE, EstablishBoardRequest } from './establish-board/establish-board.dto';
import { RecordPartnerJoiningCommand } from './record-partner-joining/record-partner-joining.command';
import {
  PartnerMembershipRecorded,
  RECORD_PARTNER_JOINING_EXAMPLE,
  RecordPartnerJoiningRequest,
} from './record-partner-joining/record-partner-joining.dto';
import { RecordPartnerLeavingCommand } from './record-partner-leaving/record-partner-leaving.command';
import { RECORD_PARTNER_LEAVING_EXAMPLE, RecordPartnerLeavingRequest } from './record-partner-leaving/record-partner-leaving.dto';
import { BoardInBody, ListsBoards, Roles } from '@app/security/authorization/access.decorator';

/** Boards and their partners. Recorded by board-admin for its own boards; read by board-admin, analyst and auditor, each seeing only its own boards. */
@ApiTags('governance: boards and partners')
@Roles('board-admin')
@Controller('v1/boards')
export class BoardsController {
  constructor(
    private readonly recorder: BoardCommandRecorder,
    private readonly boards: BoardDirectory,
  ) {}

  @Post()
  @BoardInBody('boardId')
  @ApiBoardCommand({
    summary: 'Establish a board, or correct its establishment (BoardEstablished)',
    description: 'A local authority belongs to at most one board. Sending a board id again corrects that board.',
    request: EstablishBoardRequest,
    example: ESTABLISH_BOARD_EXAMPLE,
    response: BoardRecorded,
  })
  async establish(@Req() request: HttpCommandRequest, @Body() body: unknown): Promise<BoardRecorded> {
    const { data, recorded } = await this.recorder.record<BoardEstablishedData>(
      request,
      'BoardEstablished',
      {},
      body,
      (d, context) => new EstablishBoardCommand(d, context),
    );
    return { ...recorded, boardId: data.boardId };
  }

  @Get()
  @Roles('board-admin', 'analyst', 'auditor')
  @ListsBoards()
  @ApiOperation({ summary: 'The boards, with their local authorities and partners' })
  @ApiOkResponse({ type: BoardListDto })
  async list(): Promise<BoardListDto> {
    return { boards: await this.boards.listBoards() };
  }

  @Get(':boardId')
  @Roles('board-admin', 'analyst', 'auditor')
  @ApiOperation({ summary: 'One board: its local authorities and its partners with their membership periods' })
  @ApiOkResponse({ type: BoardDto })
  @ApiNotFoundResponse({ type: ApiError, description: 'No board with that id' })
  async get(@Param('boardId') boardId: string): Promise<BoardDto> {
    const board = await this.boards.getBoard(boardId);
    if (board === null) throw new NotFound('Board', boardId);
    return board;
  }

  @Post(':boardId/partners')
  @ApiBoardCommand({
    summary: 'Record that a partner joined the board (PartnerJoined)',
    description: 'Refused while the partner is a member on that day.',
    request: RecordPartnerJoiningRequest,
    example: RECORD_PARTNER_JOINING_EXAMPLE,
    response: PartnerMembershipRecorded,
  })
  async join(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<PartnerMembershipRecorded> {
    const { data, recorded } = await this.recorder.record<PartnerMembershipChangedData>(
      request,
      'PartnerJoined',
      { boardId },
      body,
      (d, context) => new RecordPartnerJoiningCommand(d, context),
    );
    return { ...recorded, partnerId: data.partnerId, on: data.on };
  }

  @Post(':boardId/partners/:partnerId/departures')
  @ApiBoardCommand({
    summary: 'Record that a partner left the board (PartnerLeft)',
    description: 'Refused when the partner is not a member on that day.',
    request: RecordPartnerLeavingRequest,
    example: RECORD_PARTNER_LEAVING_EXAMPLE,
    response: PartnerMembershipRecorded,
  })
  async leave(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('partnerId') partnerId: string,
    @Body() body: unknown,
  ): Promise<PartnerMembershipRecorded> {
    const { data, recorded } = await this.recorder.record<PartnerMembershipChangedData>(
      request,
      'PartnerLeft',
      { boardId, partnerId },
      body,
      (d, context) => new RecordPartnerLeavingCommand(d, context),
    );
    return { ...recorded, partnerId: data.partnerId, on: data.on };
  }
}
