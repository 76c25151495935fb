import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { normalizeEmail } from '../auth/auth.service';
import { PasswordService } from '../auth/password.service';
import { UserRoleEntity } from '../auth/user-role.entity';
import { UserEntity } from '../auth/user.entity';
import { ActorLoader } from '../auth/actor-loader.service';
import { BookingEntity } from '../bookings/booking.entity';
import { BookingsService } from '../bookings/bookings.service';
import { AssetEntity } from '../catalogue/asset.entity';
import { CatalogueService } from '../catalogue/catalogue.service';
import { CategoryEntity } from '../catalogue/category.entity';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../core/actor';
import { DomainError } from '../core/domain-error';
import { GroupMemberEntity } from '../groups/group-member.entity';
import { GroupEntity } from '../groups/group.entity';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { seedSettlementDemo } from './settlement-demo';
import { seedDeskDemo } from './desk-demo';
import { seedLivingLabsDemo } from './living-labs-demo';
import { FilesService } from '../platform/files/files.service';
import { seedRecruitmentDemo } from './recruitment-demo';
import { DateTime } from 'luxon';

export const DEMO_PASSWORD = 'madang-demo';

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: Role[]; locale: 'ko' | 'en' }[] = [
  { email: 'resident@madang.local', displayName: '김주민', roles: ['resident'], locale: 'ko' },
  { email: 'resident2@madang.local', displayName: '박이웃', roles: ['resident'], locale: 'ko' },
  {
    email: 'approver@madang.local',
    displayName: '이승인 (재단발전팀)',
    roles: ['resident', 'approver'],
    locale: 'ko',
  },
  {
    email: 'operations@madang.local',
    displayName: '최운영 (경영지원팀)',
    roles: ['resident', 'operations'],
    locale: 'ko',
  },
  {
    email: 'operations2@madang.local',
    displayName: '한회계 (경영지원팀)',
    roles: ['resident', 'operations'],
    locale: 'ko',
  },
  {
    email: 'reviewer@madang.local',
    displayName: 'Alex Reviewer',
    roles: ['resident', 'reviewer'],
    locale: 'en',
  },
  { email: 'admin@madang.local', displayName: '정관리', roles: ['resident', 'admin'], locale: 'ko' },
  // Manages the alley research group and the coastal cooperative that apply to the demo calls (so
  // resident@ keeps exactly one team, which the booking and settlement demos are about).
  { email: 'resident3@madang.local', displayName: '오협동', roles: ['resident'], locale: 'ko' },
  // The second living-lab staff member: outcomes are verified by someone other than the project's lead.
  {
    email: 'labs@madang.local',
    displayName: '윤연구 (연구홍보팀)',
    roles: ['resident', 'approver'],
    locale: 'ko',
  },
];

export const DEMO_TEAM = {
  name: '함께걷는 제주 주민팀',
  description: '원도심 골목 안전 지도를 만드는 주민 팀',
};

/**
 * Demo data for demo mode. Idempotent: it only adds what is missing, so every start may run it.
 * The demo password is known to everyone, so demo mode must never face the public internet.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly catalogue: CatalogueService,
    private readonly bookings: BookingsService,
    private readonly actors: ActorLoader,
    private readonly config: AppConfig,
    private readonly files: FilesService,
  ) {}

  async seed(): Promise<void> {
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(774202)');
      const ids = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS)
        ids.set(account.email, await this.ensureUser(manager, account, hash));
      await this.ensureTeam(manager, ids.get('resident@madang.local') as string);
    });
    const approver = await this.actorFor('approver@madang.local');
    await this.ensureCatalogue(approver);
    await seedDeskDemo(this.db);
    await this.ensureBookings();
    await seedSettlementDemo(this.db);
    await seedLivingLabsDemo(this.db, {
      bookings: this.bookings,
      files: this.files,
      config: this.config,
      actorFor: (email) => this.actorFor(email),
    });
    await seedRecruitmentDemo(this.db);
  }

  private async actorFor(email: string): Promise<Actor> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ emailNormalized: email });
    const actor = await this.actors.load(user.id, 'demo-seed', {
      requestId: 'demo-seed',
      locale: 'ko',
      ip: '127.0.0.1',
      userAgent: 'demo-seed',
    });
    if (!actor) throw new Error(`demo account ${email} missing`);
    return actor;
  }

  /** Categories and assets by code and English name; only what is missing is added. */
  private async ensureCatalogue(approver: Actor): Promise<void> {
    for (const category of DEMO_CATALOGUE) {
      let existing = await this.db.getRepository(CategoryEntity).findOneBy({ code: category.code });
      if (!existing) {
        const created = await this.catalogue.createCategory(approver, {
          code: category.code,
          name: category.name,
          description: category.description,
          rules: category.rules,
        });
        existing = await this.db.getRepository(CategoryEntity).findOneByOrFail({ id: created.id });
      }
      for (const asset of category.assets) {
        if (
          await this.db
            .getRepository(AssetEntity)
            .findOneBy({ nameEn: asset.name.en, categoryId: existing.id })
        )
          continue;
        const created = await this.catalogue.createAsset(approver, {
          categoryId: existing.id,
          kind: asset.kind,
          name: asset.name,
          description: asset.description,
          capacity: asset.capacity ?? null,
          poolSize: asset.poolSize ?? null,
          location: asset.location,
          amenities: asset.amenities ?? [],
          accessibility: asset.accessibility ?? [],
        });
        if (asset.rules) await this.catalogue.setAssetRules(approver, created.id, asset.rules);
      }
    }
  }

  /** A few requests next week, so the queue and calendars are not empty. Seeded once. */
  private async ensureBookings(): Promise<void> {
    if ((await this.db.getRepository(BookingEntity).count()) > 0) return;
    const resident = await this.actorFor('resident@madang.local');
    const neighbour = await this.actorFor('resident2@madang.local');
    const assetId = async (nameEn: string) =>
      (await this.db.getRepository(AssetEntity).findOneByOrFail({ nameEn })).id;
    const nextWeek = DateTime.now().setZone(this.config.MADANG_TIMEZONE).startOf('week').plus({ weeks: 1 });
    const at = (weekday: number, hour: number) =>
      nextWeek.plus({ days: weekday - 1, hours: hour }).toISO() as string;
    const team = resident.groups[0]?.id ?? null;
    const requests: {
      actor: Actor;
      key: string;
      items: { assetId: string; quantity: number }[];
      start: string;
      end: string;
      purpose: string;
      attendees: number;
      groupId?: string | null;
    }[] = [
      {
        actor: resident,
        key: 'demo-seed-1',
        items: [{ assetId: await assetId('Meeting Room A'), quantity: 1 }],
        start: at(2, 10),
        end: at(2, 12),
        purpose: '주민 팀 정기 회의',
        attendees: 6,
        groupId: team,
      },
      {
        actor: neighbour,
        key: 'demo-seed-2',
        items: [{ assetId: await assetId('Hall'), quantity: 1 }],
        start: at(3, 14),
        end: at(3, 17),
        purpose: '동네 음악회 리허설',
        attendees: 40,
      },
      {
        actor: resident,
        key: 'demo-seed-3',
        items: [{ assetId: await assetId('Media Studio'), quantity: 1 }],
        start: at(4, 13),
        end: at(4, 15),
        purpose: '마을 기록 영상 촬영',
        attendees: 3,
      },
      {
        actor: neighbour,
        key: 'demo-seed-4',
        items: [
          { assetId: await assetId('Laptop'), quantity: 4 },
          { assetId: await assetId('Projector'), quantity: 1 },
        ],
        start: at(5, 10),
        end: at(5, 16),
        purpose: '어르신 디지털 교실',
        attendees: 8,
      },
    ];
    for (const request of requests) {
      const { actor, key, ...body } = request;
      try {
        await this.bookings.create(actor, body, key);
      } catch (error) {
        // A demo date that falls on a holiday, say, is skipped rather than stopping the start.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`demo booking ${key} skipped: ${error.code}`);
      }
    }
  }

  private async ensureUser(
    manager: EntityManager,
    account: (typeof DEMO_ACCOUNTS)[number],
    hash: string,
  ): Promise<string> {
    let user = await manager.findOneBy(UserEntity, { emailNormalized: normalizeEmail(account.email) });
    if (!user) {
      user = await manager.save(
        manager.create(UserEntity, {
          email: account.email,
          emailNormalized: normalizeEmail(account.email),
          displayName: account.displayName,
          locale: account.locale,
          passwordHash: hash,
        }),
      );
      await this.audit.record(
        manager,
        { userId: null, requestId: 'demo-seed' },
        {
          action: 'user.registered',
          entityType: 'user',
          entityId: user.id,
          after: { email: account.email, displayName: account.displayName, demo: true },
        },
      );
      this.logger.log(`demo account ${account.email} created`);
    }
    for (const role of account.roles) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(UserRoleEntity)
        .values({ userId: user.id, role, grantedBy: null })
        .orIgnore()
        .execute();
    }
    return user.id;
  }

  private async ensureTeam(manager: EntityManager, residentId: string): Promise<void> {
    let team = await manager.findOneBy(GroupEntity, { name: DEMO_TEAM.name });
    if (!team) {
      team = await manager.save(manager.create(GroupEntity, { ...DEMO_TEAM, kind: 'resident_team' }));
      await this.audit.record(
        manager,
        { userId: null, requestId: 'demo-seed' },
        {
          action: 'group.created',
          entityType: 'group',
          entityId: team.id,
          after: { ...DEMO_TEAM, kind: 'resident_team', demo: true },
        },
      );
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(GroupMemberEntity)
      .values({ groupId: team.id, userId: residentId, isManager: true })
      .orIgnore()
      .execute();
  }
}
