import type {
  Assignment,
  DeliveryReceipt,
  HoursStatement,
  InboxEntry,
  Manifest,
  Placement,
  Pledge,
  PledgeView,
  StaffingLine,
  Suggestion,
  Team,
  Visit,
  VisitPage,
  Volunteer,
} from '../api/types';

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

export const DECLINED_NOTICE: InboxEntry = {
  id: 'notice-9',
  kind: 'VOLUNTEER_DECLINED',
  subjectId: 'assignment-7',
  title: 'Qiao Yuanhui declined: Model-worker talk',
  body: 'The place is open again.',
  createdAt: '2026-09-21T01:00:00Z',
  recipient: 'local-coordinator',
};

/** The board with people on it: the talk's speaker confirmed, the recitation's team slot offered, one in line. */
export const staffedLines: StaffingLine[] = [
  { itemId: RECITATION, title: 'Recitation 《读中国》', startsAt: '2026-09-26T01:30:00Z', role: 'TEAM', needed: 1, confirmed: 0, offered: 1, waitlisted: 0, gaps: 1 },
  { itemId: BIM_TALK, title: 'Model-worker talk', startsAt: '2026-09-26T02:30:00Z', role: 'speaker', needed: 1, confirmed: 1, offered: 0, waitlisted: 1, gaps: 0 },
];

export const manifest: Manifest = {
  visitId: VISIT_ID,
  pledges: [
    ...pledges,
    {
      pledgeId: 'pledge-care',
      donorId: 'donor-bcg5',
      donorName: 'Beijing No. 5 Construction Group',
      visitId: VISIT_ID,
      siteName: '蒲公英中学 Dandelion School',
      status: 'DELIVERED',
      lines: [{ line: 1, kind: 'CARE_PACKAGE', description: 'Care packages', quantity: 400, unit: 'packages', received: 400, dispatched: 400, delivered: 400 }],
    },
  ],
  totals: [
    { kind: 'BOOKS', unit: 'books', pledged: 500, received: 500, dispatched: 0, delivered: 0 },
    { kind: 'CARE_PACKAGE', unit: 'packages', pledged: 400, received: 400, dispatched: 400, delivered: 400 },
  ],
  acknowledgements: [{ visitId: VISIT_ID, donorId: 'donor-huazhang', teamName: 'Student representatives', description: 'Paintings by the students' }],
};

export const pledgeView: PledgeView = {
  createdAt: '2026-09-01T02:00:00Z',
  note: 'The first of a reading programme.',
  pledge: {
    pledgeId: 'pledge-books',
    donorId: 'donor-huazhang',
    donorName: '华章同人 reading service team',
    visitId: VISIT_ID,
    siteName: '蒲公英中学 Dandelion School',
    status: 'PARTIALLY_DELIVERED',
    lines: [
      { line: 1, kind: 'BOOKS', description: 'Children’s books', quantity: 500, unit: 'books', received: 500, dispatched: 500, delivered: 300 },
      { line: 2, kind: 'STATIONERY', description: 'Notebooks', quantity: 200, unit: 'notebooks', received: 200, dispatched: 200, delivered: 0 },
    ],
  },
  history: [
    { at: '2026-09-01T02:00:00Z', actor: 'liaison-huazhang', action: 'PLEDGED', detail: 'The first of a reading programme.' },
    { at: '2026-09-20T02:00:00Z', actor: 'local-coordinator', action: 'RECEIVED', detail: 'line 1: 500; line 2: 200' },
    { at: '2026-09-25T01:00:00Z', actor: 'local-coordinator', action: 'DISPATCHED', detail: 'line 1: 500; line 2: 200' },
    { at: '2026-09-26T03:00:00Z', actor: 'local-coordinator', action: 'DELIVERED', detail: 'line 1: 300' },
  ],
  deliveries: [
    {
      deliveryId: 'delivery-1',
      deliveredAt: '2026-09-26T03:00:00Z',
      receivedByName: '李老师 Li',
      receivedByRole: 'librarian',
      signatureRef: 'sig-0001',
      quantities: [{ line: 1, quantity: 300 }],
    },
  ],
};

export const receipt: DeliveryReceipt = {
  pledgeId: 'pledge-books',
  donorId: 'donor-huazhang',
  donorName: '华章同人 reading service team',
  siteName: '蒲公英中学 Dandelion School',
  visitId: VISIT_ID,
  visitTheme: '共谱祖国颂，工筑少年梦',
  visitStartsAt: '2026-09-26T01:30:00Z',
  deliveries: [
    {
      deliveryId: 'delivery-1',
      deliveredAt: '2026-09-26T03:00:00Z',
      receivedByName: '李老师 Li',
      receivedByRole: 'librarian',
      signatureRef: 'sig-0001',
      items: [{ line: 1, kind: 'BOOKS', description: 'Children’s books', quantity: 300, unit: 'books' }],
    },
  ],
};

/** Qiao's confirmed place on the talk (10:30–11:10 in Beijing), as volunteer-service writes an Assignment. */
export const talkPlace: Assignment = {
  id: 'assignment-1',
  itemId: BIM_TALK,
  role: 'speaker',
  volunteerId: QIAO,
  status: 'CONFIRMED',
  offeredAt: '2026-09-20T01:00:00Z',
  answeredAt: '2026-09-20T03:00:00Z',
};

export const hoursStatement: HoursStatement = {
  volunteerId: QIAO,
  entries: [
    { entryId: 'entry-1', assignmentId: 'assignment-1', kind: 'COMPUTED', hours: 0.75, itemTitle: 'Model-worker talk', author: 'local-coordinator' },
  ],
  years: [{ year: 2026, totalHours: 0.75, certifiedHours: 0, pendingHours: 0.75 }],
};

/** Qiao's confirmed place on the talk, as my assignments lists it (10:30–11:10 in Beijing on 26 Sep). */
export const confirmedTalk: Placement = {
  ...placements[0],
  status: 'CONFIRMED',
  answeredAt: '2026-09-20T03:00:00Z',
};

/** Another confirmed place of Qiao's, at another site, the day after. */
export const bookHandOver: Placement = {
  id: 'assignment-2',
  itemId: 'item-books',
  role: 'helper',
  volunteerId: QIAO,
  status: 'CONFIRMED',
  offeredAt: '2026-09-18T01:00:00Z',
  answeredAt: '2026-09-18T02:00:00Z',
  visitId: 'v-books',
  visitTheme: 'Reading programme',
  site: 'Xihongmen street centre',
  itemTitle: 'Book hand-over',
  startsAt: '2026-09-27T02:00:00Z',
  endsAt: '2026-09-27T03:00:00Z',
  timeZone: 'Asia/Shanghai',
};

/** The Dandelion School visit as event-service shows it to a volunteer: with the site's address and coordinates. */
export const visitWithAddress: Visit = {
  ...visit,
  site: { ...visit.site, address: '北京市大兴区西红门镇寿保庄村', location: { lat: 39.7796, lon: 116.3321 } },
};

/** Qiao's own volunteer profile (GET /api/volunteers/me). */
export const qiaoProfile: Volunteer = {
  id: QIAO,
  subject: 'volunteer-qiao',
  name: 'Qiao Yuanhui',
  phone: '+86 138 0000 0004',
  email: 'qiao@volunteers.example',
  skills: ['TALK', 'BIM'],
  languages: ['Mandarin', 'English'],
  district: '大兴区',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  contactPreferences: {
    channels: ['INBOX', 'EMAIL', 'WEBHOOK'],
    quietHours: { from: '22:00:00', to: '07:30:00' },
    webhookUrl: 'https://chat.example/hooks/qiao',
  },
  availability: {
    weekly: [{ day: 'SATURDAY', from: '09:00:00', to: '17:00:00' }],
    exceptions: [{ date: '2026-10-01', available: false }],
  },
  createdAt: '2026-09-01T02:00:00Z',
  version: 7,
};

/** Qiao's hours over two years: three items, one of them corrected, two certified (one before its correction). */
export const hoursOverYears: HoursStatement = {
  volunteerId: QIAO,
  entries: [
    { entryId: 'e-1', assignmentId: 'a-2025', kind: 'COMPUTED', hours: 2, itemTitle: 'Mooncake workshop', site: 'Xihongmen street centre', itemStartsAt: '2025-10-03T06:00:00Z', author: 'volunteer-service', recordedAt: '2025-10-03T08:00:00Z' },
    { entryId: 'e-2', assignmentId: 'a-2025', kind: 'CERTIFIED', hours: 2, itemTitle: 'Mooncake workshop', site: 'Xihongmen street centre', itemStartsAt: '2025-10-03T06:00:00Z', author: 'local-coordinator', recordedAt: '2025-10-04T01:00:00Z' },
    { entryId: 'e-3', assignmentId: 'assignment-1', kind: 'COMPUTED', hours: 0.75, itemTitle: 'Model-worker talk', site: '蒲公英中学 Dandelion School', itemStartsAt: '2026-09-26T02:30:00Z', author: 'volunteer-service', recordedAt: '2026-09-26T03:15:00Z' },
    { entryId: 'e-4', assignmentId: 'assignment-1', kind: 'CERTIFIED', hours: 0.75, itemTitle: 'Model-worker talk', site: '蒲公英中学 Dandelion School', itemStartsAt: '2026-09-26T02:30:00Z', author: 'local-coordinator', recordedAt: '2026-09-26T05:00:00Z' },
    { entryId: 'e-5', assignmentId: 'assignment-1', kind: 'CORRECTION', hours: 0.5, reason: 'Stayed for questions', itemTitle: 'Model-worker talk', site: '蒲公英中学 Dandelion School', itemStartsAt: '2026-09-26T02:30:00Z', author: 'local-coordinator', recordedAt: '2026-09-26T06:00:00Z' },
    { entryId: 'e-6', assignmentId: 'assignment-2', kind: 'COMPUTED', hours: 1, itemTitle: 'Book hand-over', site: 'Xihongmen street centre', itemStartsAt: '2026-09-27T02:00:00Z', author: 'volunteer-service', recordedAt: '2026-09-27T03:00:00Z' },
  ],
  years: [
    { year: 2025, totalHours: 2, certifiedHours: 2, pendingHours: 0 },
    { year: 2026, totalHours: 2.25, certifiedHours: 0.75, pendingHours: 1.5 },
  ],
};
