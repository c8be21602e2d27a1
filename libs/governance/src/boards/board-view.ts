import type { PartnerKind } from './boards.events';

/** A period of membership of a partner: from the day it joined to the day it left (null: still a member). */
export interface PartnerMembership {
  from: string;
  to: string | null;
}

export interface BoardPartnerView {
  partnerId: string;
  name: string | null;
  kind: PartnerKind | null;
  /** As last stated (BoardEstablished or PartnerJoined); false when never stated. */
  statutory: boolean;
  /** Listed when the board was established. */
  founding: boolean;
  memberships: PartnerMembership[];
}

/** A board as its own facts describe it: the `boards` stream and its partners stream folded. */
export interface BoardView {
  boardId: string;
  name: string;
  establishedOn: string;
  localAuthorities: string[];
  partners: BoardPartnerView[];
}

/** A partner is a member on a day when it joined on or before that day and had not left before it. */
export function isPartnerOn(board: BoardView, partnerId: string, on: string): boolean {
  return membershipsOf(board, partnerId).some((period) => period.from <= on && (period.to === null || period.to >= on));
}

/** True when the partner was a member on at least one day from `from` to `to` inclusive. */
export function isPartnerDuring(board: BoardView, partnerId: string, from: string, to: string): boolean {
  return membershipsOf(board, partnerId).some((period) => period.from <= to && (period.to === null || period.to >= from));
}

function membershipsOf(board: BoardView, partnerId: string): PartnerMembership[] {
  return board.partners.find((partner) => partner.partnerId === partnerId)?.memberships ?? [];
}
