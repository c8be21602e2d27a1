import type { PartnerKind } from '@app/ingestion';

/** A local authority of a regional board, with the case system that sends its case events. */
export interface DemoLocalAuthority {
  /** GSS code, e.g. `W06000015`. */
  readonly gss: string;
  readonly name: string;
  /** Case-system name in the CloudEvent source `urn:case-system:<system>:<gss>`. */
  readonly system: string;
  /** Children aged 0 to 17, in thousands (rounded mid-year estimates): what case volumes scale with. */
  readonly childrenThousands: number;
}

export interface DemoPartner {
  readonly partnerId: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly statutory: boolean;
}

/** A Welsh regional safeguarding children board as the demo generates it. */
export interface DemoBoard {
  readonly boardId: string;
  readonly name: string;
  /** When the regional board was established (the Social Services and Well-being (Wales) Act 2014 took effect in April 2016). */
  readonly establishedOn: string;
  readonly localAuthorities: readonly DemoLocalAuthority[];
  /** Partners listed at establishment. */
  readonly founding: readonly DemoPartner[];
  /** Partners that join during the demo window. */
  readonly joiners: readonly DemoPartner[];
}

const LA = (gss: string, name: string, childrenThousands: number): DemoLocalAuthority => ({
  gss,
  name,
  system: 'wccis',
  childrenThousands,
});

const statutory = (partnerId: string, name: string, kind: PartnerKind): DemoPartner => ({ partnerId, name, kind, statutory: true });
const voluntary = (partnerId: string, name: string, kind: PartnerKind): DemoPartner => ({ partnerId, name, kind, statutory: false });

function councilPartner(la: DemoLocalAuthority): DemoPartner {
  const id = la.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return statutory(`${id}-council`, `${la.name} Council`, 'local-authority');
}

interface BoardOutline {
  boardId: string;
  name: string;
  localAuthorities: DemoLocalAuthority[];
  police: [string, string];
  healthBoards: [string, string][];
  youthJustice: string;
  education: [string, string];
  fireAndRescue: [string, string];
}

function board(outline: BoardOutline): DemoBoard {
  const founding: DemoPartner[] = [
    ...outline.localAuthorities.map(councilPartner),
    statutory(outline.police[0], outline.police[1], 'police'),
    ...outline.healthBoards.map(([id, name]) => statutory(id, name, 'health-board')),
    statutory('public-health-wales', 'Public Health Wales NHS Trust', 'nhs-trust'),
    statutory('probation-service-wales', 'Probation Service Wales', 'probation'),
    statutory(`${outline.boardId}-youth-justice`, outline.youthJustice, 'youth-justice'),
    voluntary(outline.education[0], outline.education[1], 'education'),
    voluntary('nspcc-cymru', 'NSPCC Cymru', 'third-sector'),
    voluntary('barnardos-cymru', "Barnardo's Cymru", 'third-sector'),
    voluntary('cafcass-cymru', 'Cafcass Cymru', 'other'),
  ];
  const joiners: DemoPartner[] = [
    voluntary('action-for-children-cymru', 'Action for Children Cymru', 'third-sector'),
    voluntary(outline.fireAndRescue[0], outline.fireAndRescue[1], 'other'),
  ];
  return {
    boardId: outline.boardId,
    name: outline.name,
    establishedOn: '2016-04-06',
    localAuthorities: outline.localAuthorities,
    founding,
    joiners,
  };
}

/** The six Welsh regional boards, in the order `boards: n` takes them. */
export const WELSH_BOARDS: readonly DemoBoard[] = [
  board({
    boardId: 'cardiff-and-vale',
    name: 'Cardiff and Vale Regional Safeguarding Children Board',
    localAuthorities: [LA('W06000015', 'Cardiff', 78), LA('W06000014', 'Vale of Glamorgan', 28)],
    police: ['south-wales-police', 'South Wales Police'],
    healthBoards: [['cardiff-and-vale-uhb', 'Cardiff and Vale University Health Board']],
    youthJustice: 'Cardiff and Vale Youth Justice Services',
    education: ['central-south-consortium', 'Central South Consortium'],
    fireAndRescue: ['south-wales-fire-and-rescue', 'South Wales Fire and Rescue Service'],
  }),
  board({
    boardId: 'cwm-taf-morgannwg',
    name: 'Cwm Taf Morgannwg Safeguarding Children Board',
    localAuthorities: [LA('W06000016', 'Rhondda Cynon Taf', 52), LA('W06000024', 'Merthyr Tydfil', 13), LA('W06000013', 'Bridgend', 31)],
    police: ['south-wales-police', 'South Wales Police'],
    healthBoards: [['cwm-taf-morgannwg-uhb', 'Cwm Taf Morgannwg University Health Board']],
    youthJustice: 'Cwm Taf Morgannwg Youth Justice Services',
    education: ['central-south-consortium', 'Central South Consortium'],
    fireAndRescue: ['south-wales-fire-and-rescue', 'South Wales Fire and Rescue Service'],
  }),
  board({
    boardId: 'gwent',
    name: 'Gwent Safeguarding Children Board',
    localAuthorities: [
      LA('W06000019', 'Blaenau Gwent', 14),
      LA('W06000018', 'Caerphilly', 39),
      LA('W06000021', 'Monmouthshire', 18),
      LA('W06000022', 'Newport', 36),
      LA('W06000020', 'Torfaen', 20),
    ],
    police: ['gwent-police', 'Gwent Police'],
    healthBoards: [['aneurin-bevan-uhb', 'Aneurin Bevan University Health Board']],
    youthJustice: 'Gwent Youth Justice Services',
    education: ['education-achievement-service', 'Education Achievement Service'],
    fireAndRescue: ['south-wales-fire-and-rescue', 'South Wales Fire and Rescue Service'],
  }),
  board({
    boardId: 'north-wales',
    name: 'North Wales Safeguarding Children Board',
    localAuthorities: [
      LA('W06000001', 'Isle of Anglesey', 13),
      LA('W06000002', 'Gwynedd', 23),
      LA('W06000003', 'Conwy', 21),
      LA('W06000004', 'Denbighshire', 20),
      LA('W06000005', 'Flintshire', 33),
      LA('W06000006', 'Wrexham', 29),
    ],
    police: ['north-wales-police', 'North Wales Police'],
    healthBoards: [['betsi-cadwaladr-uhb', 'Betsi Cadwaladr University Health Board']],
    youthJustice: 'North Wales Youth Justice Services',
    education: ['gwe', 'GwE'],
    fireAndRescue: ['north-wales-fire-and-rescue', 'North Wales Fire and Rescue Service'],
  }),
  board({
    boardId: 'west-glamorgan',
    name: 'West Glamorgan Safeguarding Children Board',
    localAuthorities: [LA('W06000011', 'Swansea', 47), LA('W06000012', 'Neath Port Talbot', 29)],
    police: ['south-wales-police', 'South Wales Police'],
    healthBoards: [['swansea-bay-uhb', 'Swansea Bay University Health Board']],
    youthJustice: 'West Glamorgan Youth Justice Services',
    education: ['partneriaeth', 'Partneriaeth'],
    fireAndRescue: ['mid-and-west-wales-fire-and-rescue', 'Mid and West Wales Fire and Rescue Service'],
  }),
  board({
    boardId: 'mid-and-west-wales',
    name: 'Mid and West Wales Safeguarding Children Board',
    localAuthorities: [
      LA('W06000008', 'Ceredigion', 13),
      LA('W06000009', 'Pembrokeshire', 24),
      LA('W06000010', 'Carmarthenshire', 37),
      LA('W06000023', 'Powys', 24),
    ],
    police: ['dyfed-powys-police', 'Dyfed-Powys Police'],
    healthBoards: [
      ['hywel-dda-uhb', 'Hywel Dda University Health Board'],
      ['powys-teaching-health-board', 'Powys Teaching Health Board'],
    ],
    youthJustice: 'Mid and West Wales Youth Justice Services',
    education: ['partneriaeth', 'Partneriaeth'],
    fireAndRescue: ['mid-and-west-wales-fire-and-rescue', 'Mid and West Wales Fire and Rescue Service'],
  }),
];
