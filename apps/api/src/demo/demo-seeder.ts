import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { normalizeEmail } from '../auth/auth.service';
import { PasswordService } from '../auth/password.service';
import { UserRoleEntity } from '../auth/user-role.entity';
import { UserEntity } from '../auth/user.entity';
import { GroupMemberEntity } from '../groups/group-member.entity';
import { GroupEntity } from '../groups/group.entity';

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
    email: 'reviewer@madang.local',
    displayName: 'Alex Reviewer',
    roles: ['resident', 'reviewer'],
    locale: 'en',
  },
  { email: 'admin@madang.local', displayName: '정관리', roles: ['resident', 'admin'], locale: 'ko' },
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
