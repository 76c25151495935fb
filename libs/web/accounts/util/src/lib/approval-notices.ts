import type { ApprovalNotices } from '@madang/contracts';
import type { MessageKey } from '@madang/web/i18n';

/** The profile's label of each way an approver hears of requests waiting for a decision. */
export const APPROVAL_NOTICE_KEYS: Readonly<Record<ApprovalNotices, MessageKey>> = {
  each: 'profile.approvalNotices.each',
  daily_digest: 'profile.approvalNotices.daily_digest',
  off: 'profile.approvalNotices.off',
};
