import { DomainEventClass } from '@app/ddd';

export const PARTNER_KINDS = [
  'local-authority',
  'police',
  'health-board',
  'nhs-trust',
  'probation',
  'education',
  'youth-justice',
  'third-sector',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export type FoundingPartner = { partnerId: string; name: string; kind: PartnerKind; statutory: boolean };

export type BoardEstablishedData = {
  boardId: string;
  name: string;
  establishedOn: string;
  /** GSS codes of the local authorities the board covers. */
  localAuthorities: string[];
  partners: FoundingPartner[];
};

/** A board is established, or (a later one for the same `boardId`) its establishment is corrected. */
export class BoardEstablished extends DomainEventClass<'BoardEstablished', BoardEstablishedData> {
  static readonly type = 'BoardEstablished';
  readonly type = BoardEstablished.type;
}

/** Data of `PartnerJoined` and `PartnerLeft`; business key `partnerId/on`. */
export type PartnerMembershipChangedData = {
  boardId: string;
  partnerId: string;
  name?: string;
  kind?: PartnerKind;
  statutory?: boolean;
  on: string;
};

export class PartnerJoined extends DomainEventClass<'PartnerJoined', PartnerMembershipChangedData> {
  static readonly type = 'PartnerJoined';
  readonly type = PartnerJoined.type;
}

export class PartnerLeft extends DomainEventClass<'PartnerLeft', PartnerMembershipChangedData> {
  static readonly type = 'PartnerLeft';
  readonly type = PartnerLeft.type;
}
