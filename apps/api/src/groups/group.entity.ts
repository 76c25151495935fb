import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { GroupKind } from '@madang/contracts';
import { GroupMemberEntity } from './group-member.entity';

@Entity({ name: 'groups' })
@Index('groups_name_key', ['name'], { unique: true })
@Check('groups_kind_check', `"kind" IN ('resident_team', 'partner_org', 'ngo')`)
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'groups_pkey' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: GroupKind;

  @Column({ type: 'text', default: '' })
  description!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => GroupMemberEntity, (member) => member.group)
  members?: GroupMemberEntity[];
}
