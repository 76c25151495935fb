import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  type AssetSummary,
  type BookingDto,
  type CategoryDto,
  type BankLineView,
  type BudgetLineView,
  type ExpenseView,
  type PaymentView,
  type ProgrammeView,
} from '@madang/contracts';
import { MadangClient, openSlot } from '@madang/testing';
import type { IdPools } from './generators';
import { DEMO_PASSWORD, ROLE_ACCOUNTS, type RoleName } from './probe';

/** A local Seoul time `weeksAhead` weeks from this Monday, as extended ISO with +09:00. */
export function seoulSlot(
  weeksAhead: number,
  weekday: number,
  hour: number,
  hours = 1,
): { start: string; end: string } {
  const seoulNow = new Date(Date.now() + 9 * 3_600_000);
  const monday = Date.UTC(
    seoulNow.getUTCFullYear(),
    seoulNow.getUTCMonth(),
    seoulNow.getUTCDate() - ((seoulNow.getUTCDay() + 6) % 7) + 7 * weeksAhead,
  );
  const date = new Date(monday + (weekday - 1) * 86_400_000).toISOString().slice(0, 10);
  const at = (h: number) => `${date}T${String(h).padStart(2, '0')}:00:00+09:00`;
  return { start: at(hour), end: at(hour + hours) };
}

export async function signedIn(baseUrl: string, role: Exclude<RoleName, 'anonymous'>): Promise<MadangClient> {
  const client = new MadangClient(baseUrl, 'en');
  await client.login(ROLE_ACCOUNTS[role], DEMO_PASSWORD);
  return client;
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Uploads a photo the way a browser form does (multipart), returning the asset's photo ids. */
export async function uploadPhoto(
  client: MadangClient,
  assetId: string,
): Promise<{ status: number; photoIds: string[] }> {
  const form = new FormData();
  form.append('photo', new Blob([TINY_PNG], { type: 'image/png' }), 'tiny.png');
  const response = await fetch(`${client.baseUrl}/api/assets/${assetId}/photos`, {
    method: 'POST',
    body: form,
    headers: {
      [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '',
      cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}`,
    },
  });
  const body = (await response.json()) as { photoIds?: string[] };
  return { status: response.status, photoIds: body.photoIds ?? [] };
}

/** Real objects of every kind in a fresh demo Madang, for requests that should reach an object. */
export async function buildIdPools(baseUrl: string): Promise<IdPools> {
  const anonymous = new MadangClient(baseUrl, 'en');
  const [residentA, residentB, approver, admin] = await Promise.all([
    signedIn(baseUrl, 'residentA'),
    signedIn(baseUrl, 'residentB'),
    signedIn(baseUrl, 'approver'),
    signedIn(baseUrl, 'admin'),
  ]);
  const assets = (await anonymous.get<AssetSummary[]>('/api/assets')).body;
  const categories = (await anonymous.get<CategoryDto[]>('/api/categories')).body;
  const byName = (en: string) => (assets.find((a) => a.name.en === en) as AssetSummary).id;

  const bookings: string[] = [];
  // Each on the first open day from `daysAhead` on, so a holiday does not stop the harness.
  const book = async (
    client: MadangClient,
    asset: string,
    daysAhead: number,
    hour: number,
    hours: number,
  ) => {
    const r = await client.post<BookingDto>('/api/bookings', {
      items: [{ assetId: byName(asset) }],
      ...(await openSlot(anonymous, byName(asset), daysAhead, hour, hours)),
      purpose: 'harness fixture',
      attendees: 2,
    });
    if (r.status !== 201) throw new Error(`fixture booking ${asset}: ${r.status} ${JSON.stringify(r.body)}`);
    bookings.push(r.body.id);
  };
  await book(residentA, 'Meeting Room A', 21, 10, 2);
  await book(residentA, 'Hall', 22, 13, 2);
  await book(residentB, 'Meeting Room B', 21, 14, 1);
  await book(residentB, 'Hall', 23, 16, 2);

  const groups = (await admin.get<{ id: string }[]>('/api/groups')).body.map((g) => g.id);
  const scratch = new MadangClient(baseUrl, 'en');
  const user = await scratch.register(`harness-${Date.now()}@example.kr`, 'Harness Scratch');
  const notifications = (await residentA.get<{ id: string }[]>('/api/notifications')).body.map((n) => n.id);
  const photo = await uploadPhoto(approver, byName('Meeting Room C'));
  if (photo.status !== 201) throw new Error(`fixture photo upload answered ${photo.status}`);
  const settlement = await settlementPools(await signedIn(baseUrl, 'operations'));
  return {
    ...settlement,
    asset: assets.map((a) => a.id),
    category: categories.map((c) => c.id),
    booking: bookings,
    group: groups,
    user: [user.id],
    notification: notifications,
    photo: photo.photoIds,
  };
}

/** Settlement ids (demo programmes, their lines, sources, expenses, entries, bank lines, payments). */
async function settlementPools(ops: MadangClient): Promise<IdPools> {
  const read = async <T>(url: string): Promise<T> => {
    const r = await ops.get<T>(url);
    if (r.status !== 200) throw new Error(`fixture ${url} answered ${r.status}`);
    return r.body;
  };
  const programmes = await read<ProgrammeView[]>('/api/settlement/programmes');
  const lines = (
    await Promise.all(
      programmes.map((p) => read<BudgetLineView[]>(`/api/settlement/programmes/${p.id}/lines`)),
    )
  ).flat();
  const amendments = (
    await Promise.all(
      programmes.map((p) => read<{ id: string }[]>(`/api/settlement/programmes/${p.id}/amendments`)),
    )
  ).flat();
  const expenses = await read<ExpenseView[]>('/api/settlement/expenses?limit=1000');
  const payments = await read<PaymentView[]>('/api/settlement/payments');
  const bankLines = await read<BankLineView[]>('/api/settlement/bank/lines?limit=5000');
  return {
    programme: programmes.map((p) => p.id),
    budgetLine: lines.map((l) => l.id),
    fundingSource: programmes.flatMap((p) => p.sources.map((s) => s.id)),
    amendment: amendments.map((a) => a.id),
    expense: expenses.map((e) => e.id),
    payment: payments.map((p) => p.id),
    entry: [
      ...payments.map((p) => p.entryId),
      ...expenses.flatMap((e) => (e.paidEntryId ? [e.paidEntryId] : [])),
    ],
    bankLine: bankLines.map((l) => l.id),
  };
}
