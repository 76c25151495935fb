/** Reports as CSV, XLSX and PDF; long ones run in the background and are polled. */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * `running` → `ready` (file downloadable until `expiresAt`) or `failed`. A run whose process died
 * stops sending heartbeats and is reported `failed` with error `interrupted`.
 */
export const EXPORT_RUN_STATES = ['running', 'ready', 'failed'] as const;
export type ExportRunState = (typeof EXPORT_RUN_STATES)[number];

/** `GET /api/exports/:id` — the requester's view of one background export. */
export interface ExportRunStatus {
  id: string;
  /** What the domain exported, e.g. `settlement.ledger`. */
  kind: string;
  format: ExportFormat;
  state: ExportRunState;
  rowsDone: number;
  /** Unknown until the domain says how many rows there will be. */
  rowsTotal: number | null;
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  filename: string;
  /** Stable code when failed: `interrupted`, `too_large` or `error`. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
  /** `GET` this when `state` is `ready`. */
  fileUrl: string | null;
}
