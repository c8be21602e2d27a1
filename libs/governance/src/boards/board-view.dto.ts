import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from './boards.events';

export class PartnerMembershipDto {
  @ApiProperty({ example: '2016-04-06' })
  from!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The day it left (still a member that day); null while a member',
  })
  to!: string | null;
}

export class BoardPartnerDto {
  @ApiProperty({ example: 'police-sw' })
  partnerId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'South Wales Police' })
  name!: string | null;

  @ApiProperty({ enum: PARTNER_KINDS, nullable: true, example: 'police' })
  kind!: PartnerKind | null;

  @ApiProperty({ example: true })
  statutory!: boolean;

  @ApiProperty({ example: true, description: 'Listed when the board was established' })
  founding!: boolean;

  @ApiProperty({ type: [PartnerMembershipDto] })
  memberships!: PartnerMembershipDto[];
}

export class BoardDto {
  @ApiProperty({ example: 'cardiff-vale' })
  boardId!: string;

  @ApiProperty({ example: 'Cardiff and Vale Regional Safeguarding Children Board' })
  name!: string;

  @ApiProperty({ example: '2016-04-06' })
  establishedOn!: string;

  @ApiProperty({ type: [String], example: ['W06000015', 'W06000014'] })
  localAuthorities!: string[];

  @ApiProperty({ type: [BoardPartnerDto] })
  partners!: BoardPartnerDto[];
}

export class BoardListDto {
  @ApiProperty({ type: [BoardDto] })
  boards!: BoardDto[];
}
