import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { PARTNER_KINDS, type PartnerKind } from '../boards.events';

export class FoundingPartnerRequest {
  @ApiProperty({ example: 'police-sw' })
  partnerId!: string;

  @ApiProperty({ example: 'South Wales Police' })
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS, example: 'police' })
  kind!: PartnerKind;

  @ApiProperty({ example: true, description: 'A statutory partner of the board' })
  statutory!: boolean;
}

/** The `BoardEstablished` data. Sending it again for the same board corrects the board. */
export class EstablishBoardRequest {
  @ApiProperty({ example: 'cardiff-vale', description: 'Lower-case words joined by hyphens; names the board in every path' })
  boardId!: string;

  @ApiProperty({ example: 'Cardiff and Vale Regional Safeguarding Children Board' })
  name!: string;

  @ApiProperty({ example: '2016-04-06', description: 'YYYY-MM-DD, not after today' })
  establishedOn!: string;

  @ApiProperty({ type: [String], example: ['W06000015', 'W06000014'], description: 'GSS codes; each belongs to at most one board' })
  localAuthorities!: string[];

  @ApiProperty({ type: [FoundingPartnerRequest], description: 'Partners from establishedOn' })
  partners!: FoundingPartnerRequest[];
}

export const ESTABLISH_BOARD_EXAMPLE = {
  boardId: 'cardiff-vale',
  name: 'Cardiff and Vale Regional Safeguarding Children Board',
  establishedOn: '2016-04-06',
  localAuthorities: ['W06000015', 'W06000014'],
  partners: [
    { partnerId: 'cardiff-council', name: 'Cardiff Council', kind: 'local-authority', statutory: true },
    { partnerId: 'police-sw', name: 'South Wales Police', kind: 'police', statutory: true },
    { partnerId: 'cvuhb', name: 'Cardiff and Vale University Health Board', kind: 'health-board', statutory: true },
  ],
};

export class BoardRecorded extends RecordedFact {
  @ApiProperty({ example: 'cardiff-vale' })
  boardId!: string;
}
