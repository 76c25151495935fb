import type { DataSource } from 'typeorm';
import { AssetEntity } from '../catalogue/asset.entity';
import { AssetPartEntity } from '../bookings/desk/desk.entities';

/** The demo camera kit, part by part, as the desk checks it at hand-out and return. */
export const DEMO_CAMERA_KIT_PARTS: { ko: string; en: string; serial: string }[] = [
  { ko: '카메라 본체', en: 'Camera body', serial: 'CB-2041' },
  { ko: '렌즈 24–70mm', en: 'Lens 24–70mm', serial: 'LZ-7730' },
  { ko: '렌즈 50mm', en: 'Lens 50mm', serial: 'LZ-5012' },
  { ko: '삼각대', en: 'Tripod', serial: 'TP-0907' },
  { ko: '배터리 1', en: 'Battery 1', serial: 'BT-1101' },
  { ko: '배터리 2', en: 'Battery 2', serial: 'BT-1102' },
];

/** Gives the demo camera kit its parts (once: a kit that has parts is left as it is). */
export async function seedDeskDemo(db: DataSource): Promise<void> {
  const kit = await db.getRepository(AssetEntity).findOneBy({ nameEn: 'Camera kit' });
  if (!kit) return;
  const parts = db.getRepository(AssetPartEntity);
  if ((await parts.countBy({ assetId: kit.id })) > 0) return;
  await parts.insert(
    DEMO_CAMERA_KIT_PARTS.map((p, sort) => ({
      assetId: kit.id,
      nameKo: p.ko,
      nameEn: p.en,
      serial: p.serial,
      quantity: 1,
      sort,
    })),
  );
}
