import type { AssetKind, OpeningHours, RentalRulesOverride } from '@madang/contracts';
import { KOREAN_HOLIDAYS_2026_2027 } from './korean-holidays';

const weekdays = (open: string, close: string): OpeningHours[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open, close }));
const CENTRE_HOURS: OpeningHours[] = [
  ...weekdays('09:00', '22:00'),
  { weekday: 6, open: '10:00', close: '18:00' },
];

const teamWaiver = {
  groupKinds: ['resident_team' as const],
  percent: 100,
  label: { ko: '주민 팀 대관료 면제', en: 'Fee waived for resident teams' },
};
/** Time-bound privilege of a signed residency agreement (recruitment): the team books the hall free. */
const residentBase = {
  groupTags: ['resident_base'],
  percent: 100,
  label: { ko: '입주 팀(협약) 대관료 면제', en: 'Fee waived for resident-base teams (agreement)' },
};
const publicInterest = {
  purposes: ['public_interest'],
  percent: 50,
  label: { ko: '공익 목적 50% 감면', en: '50% off for public-interest use' },
};

/** The centre's common rules: hours, holidays, grid, windows and cancellation. */
const CENTRE_RULES: RentalRulesOverride = {
  openingHours: CENTRE_HOURS,
  closures: KOREAN_HOLIDAYS_2026_2027,
  slotStepMinutes: 30,
  minDurationMinutes: 60,
  maxDurationMinutes: 240,
  minNoticeMinutes: 60,
  maxAdvanceDays: 60,
  windowOverrides: [{ groupKinds: ['resident_team'], maxAdvanceDays: 90 }],
  cancellation: { freeUntilHoursBefore: 24, feePercent: 30 },
};

export interface DemoCategory {
  code: string;
  name: { ko: string; en: string };
  description: { ko: string; en: string };
  rules: RentalRulesOverride;
  assets: {
    kind: AssetKind;
    name: { ko: string; en: string };
    description: { ko: string; en: string };
    capacity?: number;
    poolSize?: number;
    location: string;
    amenities?: string[];
    accessibility?: string[];
    rules?: RentalRulesOverride;
  }[];
}

export const DEMO_CATALOGUE: DemoCategory[] = [
  {
    code: 'hall',
    name: { ko: '강당', en: 'Hall' },
    description: {
      ko: '행사·포럼·공연을 위한 큰 공간',
      en: 'A large space for events, forums and performances',
    },
    rules: {
      ...CENTRE_RULES,
      maxDurationMinutes: 480,
      minNoticeMinutes: 3 * 24 * 60,
      bufferBeforeMinutes: 30,
      bufferAfterMinutes: 30,
      quotas: [{ scope: 'person', period: 'month', maxBookings: 2 }],
      approval: { required: true },
      pricing: {
        unit: 'hour',
        rate: 30000,
        deposit: 50000,
        peak: [{ weekdays: [6], from: '10:00', to: '18:00', rate: 40000 }],
        waivers: [teamWaiver, residentBase, publicInterest],
      },
      cancellation: { freeUntilHoursBefore: 72, feePercent: 50 },
    },
    assets: [
      {
        kind: 'space',
        name: { ko: '강당', en: 'Hall' },
        description: { ko: '80석, 무대와 음향 설비', en: '80 seats, stage and sound system' },
        capacity: 80,
        location: '1층 / Floor 1',
        amenities: ['projector', 'sound', 'stage', 'wifi'],
        accessibility: ['step-free', 'accessible-toilet', 'hearing-loop'],
      },
    ],
  },
  {
    code: 'meeting-rooms',
    name: { ko: '회의실', en: 'Meeting rooms' },
    description: { ko: '주민 모임과 회의를 위한 방', en: 'Rooms for resident meetings' },
    rules: {
      ...CENTRE_RULES,
      bufferAfterMinutes: 15,
      quotas: [{ scope: 'person', period: 'week', maxHours: 6 }],
      approval: { required: false },
      pricing: { unit: 'hour', rate: 10000, deposit: 0, waivers: [teamWaiver, publicInterest] },
      // Check in within 15 minutes of the start or the room is released; 3 no-shows in 90 days → approval.
      noShowAfterMinutes: 15,
      noShowLimit: { count: 3, periodDays: 90, consequence: 'require_approval' },
    },
    assets: ['A', 'B', 'C'].map((letter, i) => ({
      kind: 'space' as const,
      name: { ko: `회의실 ${letter}`, en: `Meeting Room ${letter}` },
      description: {
        ko: `${[8, 12, 6][i]}인 회의실, 화이트보드`,
        en: `Room for ${[8, 12, 6][i]}, whiteboard`,
      },
      capacity: [8, 12, 6][i],
      location: '2층 / Floor 2',
      amenities: ['whiteboard', 'wifi', ...(i === 1 ? ['screen'] : [])],
      accessibility: ['step-free'],
    })),
  },
  {
    code: 'studios',
    name: { ko: '제작 공간', en: 'Studios and workshops' },
    description: {
      ko: '미디어 스튜디오, 메이커 스페이스, 공유 부엌',
      en: 'Media studio, maker space, community kitchen',
    },
    rules: {
      ...CENTRE_RULES,
      approval: { required: true, autoApproveGroupKinds: ['resident_team'] },
      pricing: { unit: 'hour', rate: 20000, deposit: 30000, waivers: [teamWaiver] },
    },
    assets: [
      {
        kind: 'space',
        name: { ko: '미디어 스튜디오', en: 'Media Studio' },
        description: { ko: '촬영·녹음 스튜디오, 조명 포함', en: 'Recording and filming studio with lights' },
        capacity: 6,
        location: '3층 / Floor 3',
        amenities: ['lights', 'soundproof'],
      },
      {
        kind: 'space',
        name: { ko: '메이커 스페이스', en: 'Maker Space' },
        description: { ko: '공구와 작업대', en: 'Tools and workbenches' },
        capacity: 12,
        location: '지하 1층 / Basement',
        amenities: ['tools', 'workbench'],
        accessibility: ['step-free'],
        rules: { pricing: { unit: 'hour', rate: 15000, deposit: 30000, waivers: [teamWaiver] } },
      },
      {
        kind: 'space',
        name: { ko: '공유 부엌', en: 'Community Kitchen' },
        description: { ko: '요리 교실과 나눔 밥상', en: 'Cooking classes and shared meals' },
        capacity: 16,
        location: '1층 / Floor 1',
        amenities: ['kitchen', 'sink'],
        accessibility: ['step-free'],
        rules: { pricing: { unit: 'hour', rate: 25000, deposit: 30000, waivers: [teamWaiver] } },
      },
    ],
  },
  {
    code: 'coworking',
    name: { ko: '코워킹 데스크', en: 'Co-working desks' },
    description: { ko: '하루 단위로 쓰는 자리', en: 'Desks by the day' },
    rules: {
      ...CENTRE_RULES,
      maxDurationMinutes: 13 * 60,
      approval: { required: false },
      pricing: { unit: 'day', rate: 5000, deposit: 0, waivers: [teamWaiver] },
      cancellation: { freeUntilHoursBefore: 2, feePercent: 0 },
    },
    assets: Array.from({ length: 18 }, (_, i) => ({
      kind: 'space' as const,
      name: { ko: `데스크 ${String(i + 1).padStart(2, '0')}`, en: `Desk ${String(i + 1).padStart(2, '0')}` },
      description: { ko: '전원과 모니터', en: 'Power and monitor' },
      capacity: 1,
      location: '2층 코워킹 / Floor 2 co-working',
      amenities: ['monitor', 'power', 'wifi'],
      accessibility: i < 4 ? ['step-free', 'height-adjustable'] : ['step-free'],
    })),
  },
  {
    code: 'equipment',
    name: { ko: '장비', en: 'Equipment' },
    description: { ko: '빌려 쓰는 장비', en: 'Equipment to borrow' },
    rules: {
      ...CENTRE_RULES,
      maxDurationMinutes: 13 * 60,
      approval: { required: false },
      pricing: { unit: 'day', rate: 5000, deposit: 0, waivers: [teamWaiver] },
    },
    assets: [
      {
        kind: 'equipment_pool',
        name: { ko: '빔 프로젝터', en: 'Projector' },
        description: { ko: '휴대용 프로젝터', en: 'Portable projector' },
        poolSize: 3,
        location: '장비실 / Equipment room',
      },
      {
        kind: 'equipment_pool',
        name: { ko: '노트북', en: 'Laptop' },
        description: { ko: '교육용 노트북', en: 'Laptops for workshops' },
        poolSize: 10,
        location: '장비실 / Equipment room',
        rules: { pricing: { unit: 'day', rate: 3000, deposit: 0, waivers: [teamWaiver] } },
      },
      {
        kind: 'equipment_item',
        name: { ko: '카메라 키트', en: 'Camera kit' },
        description: {
          ko: '미러리스 카메라, 렌즈 2개, 삼각대, 배터리 2개',
          en: 'Mirrorless camera, two lenses, tripod, two batteries',
        },
        location: '장비실 / Equipment room',
        rules: {
          approval: { required: true },
          pricing: { unit: 'day', rate: 20000, deposit: 100000, waivers: [] },
        },
      },
      {
        kind: 'equipment_item',
        name: { ko: '3D 프린터', en: '3D printer' },
        description: { ko: 'FDM 3D 프린터 (필라멘트 별도)', en: 'FDM 3D printer (bring filament)' },
        location: '메이커 스페이스 / Maker Space',
        rules: {
          approval: { required: true },
          pricing: { unit: 'hour', rate: 10000, deposit: 0, waivers: [teamWaiver] },
        },
      },
      {
        kind: 'equipment_item',
        name: { ko: 'PA 음향 시스템', en: 'PA system' },
        description: { ko: '스피커 2, 믹서, 무선 마이크 2', en: 'Two speakers, mixer, two wireless mics' },
        location: '장비실 / Equipment room',
        rules: { pricing: { unit: 'day', rate: 30000, deposit: 50000, waivers: [teamWaiver] } },
      },
    ],
  },
];
