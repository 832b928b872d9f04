import type { InboxEntry, Placement, Pledge, StaffingLine, Suggestion, Team, Visit, VisitPage } from '../api/types';

/** The demo scenario: the caravan's visit to Dandelion School, Daxing (seed/, local-infrastructure's demo files). */
export const VISIT_ID = '0c4d3f1e-5b6a-4c1d-9e8f-000000000001';
export const BIM_TALK = '0c4d3f1e-5b6a-4c1d-9e8f-0000000000b1';
export const RECITATION = '0c4d3f1e-5b6a-4c1d-9e8f-0000000000a1';
export const QIAO = '7e1b2c3d-0000-4000-8000-00000000000a';

export const visitPage: VisitPage = {
  items: [
    {
      id: VISIT_ID,
      theme: '共谱祖国颂，工筑少年梦',
      caravanId: 'c-1',
      site: { id: 's-1', name: '蒲公英中学 Dandelion School', district: '大兴区' },
      startsAt: '2026-09-26T09:30:00',
      endsAt: '2026-09-26T11:30:00',
      timeZone: 'Asia/Shanghai',
      status: 'SCHEDULED',
      version: 3,
    },
    {
      id: 'v-cancelled',
      theme: 'Mid-Autumn mooncake workshop',
      site: { id: 's-2', name: 'Xihongmen street centre', district: '大兴区' },
      startsAt: '2026-10-03T14:00:00',
      endsAt: '2026-10-03T16:00:00',
      timeZone: 'Asia/Shanghai',
      status: 'CANCELLED',
      version: 2,
    },
  ],
  page: 0,
  size: 20,
  total: 2,
};

export const visit: Visit = {
  id: VISIT_ID,
  theme: '共谱祖国颂，工筑少年梦',
  site: { id: 's-1', name: '蒲公英中学 Dandelion School', district: '大兴区', timeZone: 'Asia/Shanghai' },
  startsAt: '2026-09-26T09:30:00',
  endsAt: '2026-09-26T11:30:00',
  timeZone: 'Asia/Shanghai',
  expectedAudience: 400,
  status: 'SCHEDULED',
  version: 3,
  programme: [
    { id: RECITATION, position: 1, title: 'Recitation 《读中国》', startsAt: '2026-09-26T09:30:00', needs: [], teamSlots: 1 },
    {
      id: BIM_TALK,
      position: 4,
      title: 'Model-worker talk',
      startsAt: '2026-09-26T10:30:00',
      needs: [{ role: 'speaker', headcount: 1, skills: ['talk', 'BIM'] }],
      teamSlots: 0,
    },
  ],
};

export const staffing: StaffingLine[] = [
  { itemId: RECITATION, title: 'Recitation 《读中国》', startsAt: '2026-09-26T01:30:00Z', role: 'TEAM', needed: 1, confirmed: 0, offered: 0, waitlisted: 0, gaps: 1 },
  { itemId: BIM_TALK, title: 'Model-worker talk', startsAt: '2026-09-26T02:30:00Z', role: 'speaker', needed: 1, confirmed: 0, offered: 0, waitlisted: 0, gaps: 1 },
];

export const suggestions: Suggestion[] = [
  {
    volunteerId: QIAO,
    name: 'Qiao Yuanhui',
    district: '大兴区',
    matchedSkills: ['talk', 'BIM'],
    missingSkills: [],
    availability: 'AVAILABLE',
    recentHours: 0,
    sameDistrict: true,
    reasons: ['has talk, BIM', 'said they are available then', 'no clash with their other places', '0 hours served in the last 90 days', "lives in the site's district, 大兴区"],
  },
];

export const teams: Team[] = [
  { id: 'team-xiaomi', name: '小米青年志愿服务队', leadVolunteerId: 'lead-1' },
  { id: 'team-troupe', name: 'Beijing Workers’ Art Troupe', leadVolunteerId: 'lead-2' },
];

export const placements: Placement[] = [
  {
    id: 'assignment-1',
    itemId: BIM_TALK,
    role: 'speaker',
    volunteerId: QIAO,
    status: 'OFFERED',
    offeredAt: '2026-09-20T01:00:00Z',
    offerExpiresAt: '2026-09-22T01:00:00Z',
    visitId: VISIT_ID,
    visitTheme: '共谱祖国颂，工筑少年梦',
    site: '蒲公英中学 Dandelion School',
    itemTitle: 'Model-worker talk',
    startsAt: '2026-09-26T02:30:00Z',
    endsAt: '2026-09-26T03:10:00Z',
    timeZone: 'Asia/Shanghai',
  },
];

export const inbox: InboxEntry[] = [
  {
    id: 'notice-1',
    kind: 'ASSIGNMENT_OFFERED',
    title: 'You are offered: Model-worker talk',
    body: 'Please answer by 22 Sep.',
    createdAt: '2026-09-20T01:00:05Z',
    recipient: 'volunteer-qiao',
  },
  {
    id: 'notice-0',
    kind: 'VISIT_SCHEDULED',
    title: 'Visit scheduled',
    body: 'Dandelion School on 26 Sep.',
    createdAt: '2026-09-19T01:00:00Z',
    readAt: '2026-09-19T02:00:00Z',
    recipient: 'volunteer-qiao',
  },
];

export const pledges: Pledge[] = [
  {
    pledgeId: 'pledge-books',
    donorId: 'donor-huazhang',
    donorName: '华章同人 reading service team',
    visitId: VISIT_ID,
    siteId: 's-1',
    siteName: '蒲公英中学 Dandelion School',
    status: 'RECEIVED',
    lines: [{ line: 1, kind: 'BOOKS', description: 'Children’s books', quantity: 500, unit: 'books', received: 500, dispatched: 0, delivered: 0 }],
  },
];
