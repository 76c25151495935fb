import { allocate, type Won } from '@madang/money';
import { requiredEvidence, type EvidenceType } from '@madang/settlement';
import iconv from 'iconv-lite';

/**
 * The settlement demo as pure data, generated deterministically (seeded PRNG), so the seeder and
 * the committed bank statement file (`settlement-demo-statement-2027-11.csv`) always agree.
 */

export const DEMO_YEAR = 2027;

export interface DemoSource {
  kind: 'national' | 'local' | 'own';
  name: string;
  shareBp: number;
}

export interface DemoLine {
  key: string;
  category: string;
  name: string;
  /** Initial budget in won; split by the programme's shares. */
  budget: Won;
}

export interface DemoProgramme {
  code: string;
  name: string;
  kind: 'subsidy' | 'living_lab' | 'own';
  deadline: string;
  sources: DemoSource[];
  lines: DemoLine[];
  expenses: number;
}

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  {
    code: 'HUB-2027',
    name: '2027 지역거점별 소통협력공간 운영',
    kind: 'subsidy',
    deadline: '2027-12-15',
    sources: [
      { kind: 'national', name: '국비', shareBp: 4500 },
      { kind: 'local', name: '지방비', shareBp: 4500 },
      { kind: 'own', name: '자부담', shareBp: 1000 },
    ],
    lines: [
      { key: 'salary', category: '100-01', name: '코디네이터 인건비', budget: 96_000_000 },
      { key: 'supplies', category: '200-01', name: '사무용품·인쇄', budget: 8_000_000 },
      { key: 'utilities', category: '200-02', name: '공간 공공요금', budget: 6_000_000 },
      { key: 'maintenance', category: '200-04', name: '공간·장비 유지보수', budget: 10_000_000 },
      { key: 'lecture', category: '200-05', name: '주민 강좌 강사료', budget: 15_000_000 },
      { key: 'meeting', category: '200-06', name: '운영위원회·주민회의', budget: 5_000_000 },
      { key: 'event', category: '200-07', name: '마당 축제·공유회', budget: 20_000_000 },
      { key: 'service', category: '200-08', name: '홍보영상 제작 용역', budget: 30_000_000 },
      { key: 'travel', category: '300-01', name: '타 지역 거점 교류 출장', budget: 4_000_000 },
      { key: 'promotion', category: '400-01', name: '협력기관 업무추진', budget: 3_000_000 },
      { key: 'assets', category: '500-01', name: '공유 장비 구입', budget: 12_000_000 },
    ],
    expenses: 150,
  },
  {
    code: 'LAB-2027',
    name: '2027 원도심 골목 안전 리빙랩',
    kind: 'living_lab',
    deadline: '2027-12-20',
    sources: [
      { kind: 'local', name: '지방비', shareBp: 8000 },
      { kind: 'own', name: '자부담', shareBp: 2000 },
    ],
    lines: [
      { key: 'lecture', category: '200-05', name: '리빙랩 워크숍 퍼실리테이터', budget: 8_000_000 },
      { key: 'meeting', category: '200-06', name: '주민 실험 회의', budget: 3_000_000 },
      { key: 'event', category: '200-07', name: '실험 현장 운영', budget: 15_000_000 },
      { key: 'service', category: '200-08', name: '안전 지도 데이터 용역', budget: 25_000_000 },
    ],
    expenses: 45,
  },
  {
    code: 'OWN-2027',
    name: '2027 센터 자체 운영',
    kind: 'own',
    deadline: '2027-12-31',
    sources: [{ kind: 'own', name: '자부담', shareBp: 10000 }],
    lines: [
      { key: 'utilities', category: '200-02', name: '센터 공공요금', budget: 12_000_000 },
      { key: 'maintenance', category: '200-04', name: '센터 시설 유지', budget: 9_000_000 },
      { key: 'rental', category: '900-01', name: '대관료 수입', budget: 0 },
      { key: 'rent', category: '900-02', name: '입주 임대료 수입', budget: 0 },
    ],
    expenses: 35,
  },
];

/** Amount ranges (won, rounded to 1,000) and payees per 세목. */
const SHAPES: Readonly<Record<string, { min: number; max: number; payees: string[]; titles: string[] }>> = {
  '100-01': { min: 2_900_000, max: 3_300_000, payees: ['김하늘', '오바다'], titles: ['코디네이터 급여'] },
  '200-01': {
    min: 40_000,
    max: 600_000,
    payees: ['제주문구', '탐라인쇄', '오피스마당'],
    titles: ['사무용품 구입', '홍보물 인쇄', '현수막 제작'],
  },
  '200-02': {
    min: 150_000,
    max: 700_000,
    payees: ['한국전력공사', '제주도 상하수도본부', 'KT'],
    titles: ['전기요금', '수도요금', '통신요금'],
  },
  '200-04': {
    min: 100_000,
    max: 1_500_000,
    payees: ['제주설비', '한라냉난방', '바당전자'],
    titles: ['냉난방기 점검', '조명 교체', '음향장비 수리'],
  },
  '200-05': {
    min: 150_000,
    max: 600_000,
    payees: ['김강사', '이선생', '박작가', '최공방'],
    titles: ['주민 강좌 강사료', '목공 워크숍 강사료', '기록 워크숍 강사료'],
  },
  '200-06': {
    min: 40_000,
    max: 280_000,
    payees: ['제주밥상', '마당카페', '올레국수'],
    titles: ['운영위원회 회의비', '주민회의 다과', '협력기관 간담회'],
  },
  '200-07': {
    min: 300_000,
    max: 2_800_000,
    payees: ['제주행사기획', '소리마당', '바람천막'],
    titles: ['공유회 운영', '축제 부스 설치', '행사 음향 임차'],
  },
  '200-08': {
    min: 1_500_000,
    max: 6_000_000,
    payees: ['(주)섬영상', '데이터제주', '온길협동조합'],
    titles: ['영상 제작 중도금', '데이터 수집 용역', '조사 용역 잔금'],
  },
  '300-01': {
    min: 60_000,
    max: 420_000,
    payees: ['김하늘', '오바다'],
    titles: ['거점 교류 출장 (광주)', '거점 교류 출장 (세종)'],
  },
  '400-01': { min: 50_000, max: 240_000, payees: ['올레국수', '마당카페'], titles: ['협력기관 업무 협의'] },
  '500-01': {
    min: 400_000,
    max: 2_800_000,
    payees: ['바당전자', '제주카메라'],
    titles: ['공유 카메라 구입', '노트북 구입', '프로젝터 구입'],
  },
};

export type DemoState =
  | 'requested'
  | 'approved'
  | 'paid'
  | 'evidence_complete'
  | 'verified'
  | 'rejected'
  | 'evidence_missing'
  | 'disallowed';

export interface DemoExpense {
  programme: string;
  line: string;
  category: string;
  title: string;
  payee: string;
  amount: Won;
  expenseDate: string;
  paidOn: string | null;
  state: DemoState;
  evidenceType: EvidenceType;
  /** Evidence items provided (a subset of what the 세목 needs). */
  provided: string[];
  split: Won[];
  disallowed: Won;
  disallowedReason: string | null;
}

export interface DemoPayment {
  bookingId: string;
  kind: 'fee' | 'deposit';
  amount: Won;
  receivedOn: string;
  reference: string;
  payer: string;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (month: number, day: number) =>
  `${DEMO_YEAR}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;

/** Later months hold the unfinished work; earlier months are settled. */
function stateFor(month: number, r: number): DemoState {
  if (month <= 6) return r < 0.04 ? 'rejected' : r < 0.08 ? 'disallowed' : 'verified';
  if (month <= 8)
    return r < 0.05
      ? 'rejected'
      : r < 0.1
        ? 'evidence_missing'
        : r < 0.15
          ? 'disallowed'
          : r < 0.4
            ? 'evidence_complete'
            : 'verified';
  const steps: [number, DemoState][] = [
    [0.12, 'requested'],
    [0.22, 'approved'],
    [0.4, 'paid'],
    [0.65, 'evidence_complete'],
    [0.73, 'evidence_missing'],
    [0.93, 'verified'],
    [0.97, 'rejected'],
  ];
  return steps.find(([limit]) => r < limit)?.[1] ?? 'disallowed';
}

export function demoExpenses(): DemoExpense[] {
  const random = mulberry32(20271130);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out: DemoExpense[] = [];
  for (const programme of DEMO_PROGRAMMES) {
    const spendable = programme.lines.filter((l) => l.budget > 0);
    const committed = new Map<string, number>();
    for (let i = 0; i < programme.expenses; i++) {
      const line = spendable[i % spendable.length];
      const shape = SHAPES[line.category];
      const amount = Math.round((shape.min + random() * (shape.max - shape.min)) / 1000) * 1000;
      const used = committed.get(line.key) ?? 0;
      if (used + amount > line.budget * 0.95) continue;
      const month = 1 + Math.floor((i / programme.expenses) * 11);
      const day = 1 + Math.floor(random() * 26);
      const state = stateFor(month, random());
      if (state !== 'rejected') committed.set(line.key, used + amount);
      const evidenceType: EvidenceType = ['200-02', '100-01', '200-05'].includes(line.category)
        ? 'other'
        : line.category === '200-08' || line.category === '500-01'
          ? 'e_tax_invoice'
          : 'card_slip';
      const required = requiredEvidence(CATEGORY_EVIDENCE[line.category] ?? [], evidenceType);
      const paid = !['requested', 'approved', 'rejected'].includes(state);
      const full = ['evidence_complete', 'verified', 'disallowed'].includes(state);
      const provided = full ? required : paid ? required.slice(0, Math.max(1, required.length - 1)) : [];
      const split = allocate(
        amount,
        programme.sources.map((s) => s.shareBp),
      );
      const disallowed =
        state === 'disallowed' ? Math.round((amount * (0.1 + random() * 0.3)) / 1000) * 1000 : 0;
      out.push({
        programme: programme.code,
        line: line.key,
        category: line.category,
        title: `${pick(shape.titles)} (${month}월)`,
        payee: pick(shape.payees),
        amount,
        expenseDate: iso(month, day),
        paidOn: paid ? iso(month, day + 1) : null,
        state,
        evidenceType,
        provided,
        split,
        disallowed,
        disallowedReason: disallowed
          ? pick(['증빙 금액과 집행 금액 불일치', '사업 목적 외 사용', '참석자 명단 미비'])
          : null,
      });
    }
  }
  return out;
}

/** The evidence each demo 세목 needs (mirrors the catalogue the migration seeds). */
export const CATEGORY_EVIDENCE: Readonly<Record<string, string[]>> = {
  '100-01': ['payroll', 'employment_contract', 'transfer_confirmation'],
  '200-01': ['quotation', 'inspection_record'],
  '200-02': ['bill'],
  '200-04': ['quotation', 'inspection_record', 'photo'],
  '200-05': ['instructor_profile', 'withholding_record', 'transfer_confirmation'],
  '200-06': ['minutes', 'attendee_list'],
  '200-07': ['plan', 'photo', 'attendee_list'],
  '200-08': ['contract', 'deliverable', 'inspection_record'],
  '300-01': ['travel_order', 'travel_report'],
  '400-01': ['purpose_note', 'attendee_list'],
  '500-01': ['quotation', 'inspection_record', 'asset_register'],
};

/** Rental fees paid by transfer in November (earlier bookings of the centre's halls and rooms). */
export function demoPayments(): DemoPayment[] {
  const payers = ['홍길동', '함께걷는 제주', '마을기록단', '김주민', '바당책방', '제주청년네트워크'];
  return payers.map((payer, i) => ({
    bookingId: `6d0f5a2e-${String(2027).padStart(4, '0')}-4b11-8a00-${String(i + 1).padStart(12, '0')}`,
    kind: i === 3 ? 'deposit' : 'fee',
    amount: [60_000, 120_000, 45_000, 50_000, 90_000, 30_000][i],
    receivedOn: iso(11, 3 + i * 4),
    reference: `BK-2027-11${String(i + 1).padStart(2, '0')}`,
    payer,
  }));
}

export const DEMO_INTEREST: Won = 48_213;
export const DEMO_STATEMENT_FILE = 'settlement-demo-statement-2027-11.csv';

/**
 * The November statement of the dedicated account as 농협 exports it (EUC-KR CSV): every
 * withdrawal for an expense paid in November, every rental payment, the quarter's interest, and
 * three lines nothing in Madang explains (left for reconciliation by hand).
 */
export function demoStatement(): Buffer {
  type Row = { date: string; out: Won; in: Won; who: string; memo: string };
  const rows: Row[] = [];
  for (const x of demoExpenses())
    if (x.paidOn && x.paidOn.startsWith(`${DEMO_YEAR}-11`))
      rows.push({
        date: x.paidOn,
        out: x.amount,
        in: 0,
        who: x.payee,
        memo: x.title.replace(/ \(\d+월\)$/, ''),
      });
  for (const p of demoPayments())
    rows.push({ date: p.receivedOn, out: 0, in: p.amount, who: p.payer, memo: p.reference });
  rows.push({ date: iso(11, 12), out: 500, in: 0, who: '농협', memo: '타행이체수수료' });
  rows.push({ date: iso(11, 18), out: 0, in: 33_000, who: '제주문구', memo: '반품 환불' });
  rows.push({ date: iso(11, 25), out: 1_200_000, in: 0, who: '센터 운영계좌', memo: '계좌간 이체' });
  rows.push({ date: `${DEMO_YEAR}-11-30`, out: 0, in: DEMO_INTEREST, who: '결산이자', memo: '' });
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.who.localeCompare(b.who) || a.out - b.out);
  const money = (n: Won) => n.toLocaleString('en-US');
  let balance = 184_350_000;
  const lines = [
    '농협은행 거래내역조회',
    '계좌번호,351-2027-1130-11 (보조금 전용계좌)',
    `조회기간,${DEMO_YEAR}.11.01 ~ ${DEMO_YEAR}.11.30`,
    '거래일시,출금금액,입금금액,거래후잔액,거래내용,거래기록사항',
    ...rows.map((r, i) => {
      balance += r.in - r.out;
      const time = `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00`;
      return [
        `${r.date.replace(/-/g, '/')} ${time}`,
        money(r.out),
        money(r.in),
        money(balance),
        r.who,
        r.memo,
      ]
        .map((c) => (c.includes(',') ? `"${c}"` : c))
        .join(',');
    }),
  ];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'euc-kr');
}
