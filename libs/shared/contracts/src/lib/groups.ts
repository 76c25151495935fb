import type { GroupKind } from './roles';

export interface GroupMemberSummary {
  userId: string;
  email: string;
  displayName: string;
  isManager: boolean;
}

export interface GroupSummary {
  id: string;
  name: string;
  kind: GroupKind;
  description: string;
  memberCount: number;
  createdAt: string;
}

export interface GroupDetail extends GroupSummary {
  members: GroupMemberSummary[];
}

export interface CreateGroupRequest {
  name: string;
  kind: GroupKind;
  description?: string;
}

export interface UpdateGroupRequest {
  name?: string;
  description?: string;
}

export interface AddMemberRequest {
  email: string;
  isManager?: boolean;
}

export interface UpdateMemberRequest {
  isManager: boolean;
}
