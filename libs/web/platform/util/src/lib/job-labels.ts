import type { JobQueuePolicy, JobState } from '@madang/contracts';
import type { MessageKey } from '@madang/web/i18n';
import type { QueueStatus } from './queue-status';

export const JOB_STATE_KEYS: Readonly<Record<JobState, MessageKey>> = {
  created: 'jobs.state.created',
  retry: 'jobs.state.retry',
  active: 'jobs.state.active',
  completed: 'jobs.state.completed',
  cancelled: 'jobs.state.cancelled',
  failed: 'jobs.state.failed',
};

export const JOB_POLICY_KEYS: Readonly<Record<JobQueuePolicy, MessageKey>> = {
  standard: 'jobs.policy.standard',
  short: 'jobs.policy.short',
  singleton: 'jobs.policy.singleton',
  stately: 'jobs.policy.stately',
};

export const QUEUE_STATUS_KEYS: Readonly<Record<QueueStatus, MessageKey>> = {
  failing: 'jobs.status.failing',
  backlog: 'jobs.status.backlog',
  retrying: 'jobs.status.retrying',
  running: 'jobs.status.running',
  never: 'jobs.status.never',
  ok: 'jobs.status.ok',
};
