export {
  officeCalendar,
  validateCalendar,
  dayMinutesOf,
  type WorkingCalendar,
  type WorkingHours,
  type InstantInput,
  type CalendarProblem,
  type CalendarProblemCode,
} from './lib/calendar';
export {
  workingMillisBetween,
  workingMinutesBetween,
  addWorkingMinutes,
  endOfWorkingDay,
  MAX_SEARCH_DAYS,
} from './lib/working-time';
export {
  deadlineFor,
  describeTarget,
  isValidTarget,
  targetStatus,
  type ServiceTarget,
  type TargetState,
  type TargetStatus,
  type StatusInput,
} from './lib/targets';
export {
  responseStatistics,
  monthlyStatistics,
  median,
  type ServiceRecord,
  type ServiceStatistics,
} from './lib/statistics';
