export const EVIDENCE_TYPES = ['e_tax_invoice', 'card_slip', 'other'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The document the payment itself needs, by evidence type. */
export const EVIDENCE_TYPE_ITEM: Readonly<Record<EvidenceType, string>> = {
  e_tax_invoice: 'tax_invoice',
  card_slip: 'card_slip',
  other: 'receipt',
};

export const EVIDENCE_ITEM_LABELS: Readonly<Record<string, { ko: string; en: string }>> = {
  tax_invoice: { ko: '전자세금계산서', en: 'E-tax invoice' },
  card_slip: { ko: '전용카드 매출전표', en: 'Dedicated card slip' },
  receipt: { ko: '영수증 등 증빙 파일', en: 'Receipt or other evidence file' },
  payroll: { ko: '급여대장', en: 'Payroll register' },
  employment_contract: { ko: '근로계약서', en: 'Employment contract' },
  transfer_confirmation: { ko: '계좌이체 확인증', en: 'Transfer confirmation' },
  work_log: { ko: '근무일지', en: 'Work log' },
  withholding_record: { ko: '원천징수 내역', en: 'Withholding record' },
  quotation: { ko: '견적서', en: 'Quotation' },
  inspection_record: { ko: '검수조서', en: 'Inspection record' },
  bill: { ko: '고지서', en: 'Bill' },
  contract: { ko: '계약서', en: 'Contract' },
  photo: { ko: '사진', en: 'Photos' },
  instructor_profile: { ko: '강사 이력서', en: 'Instructor profile' },
  minutes: { ko: '회의록', en: 'Minutes' },
  attendee_list: { ko: '참석자 명단', en: 'Attendee list' },
  plan: { ko: '행사 계획서', en: 'Event plan' },
  deliverable: { ko: '결과물', en: 'Deliverable' },
  travel_order: { ko: '출장명령서', en: 'Travel order' },
  travel_report: { ko: '출장복명서', en: 'Travel report' },
  purpose_note: { ko: '집행 목적 기록', en: 'Purpose note' },
  asset_register: { ko: '자산 등록 대장', en: 'Asset register entry' },
};

/** Everything an expense must carry: its 세목's checklist plus the document of its evidence type. */
export function requiredEvidence(categoryEvidence: readonly string[], type: EvidenceType): string[] {
  const items = [EVIDENCE_TYPE_ITEM[type], ...categoryEvidence];
  return items.filter((item, index) => items.indexOf(item) === index);
}

export function missingEvidence(required: readonly string[], provided: Iterable<string>): string[] {
  const have = new Set(provided);
  return required.filter((item) => !have.has(item));
}
