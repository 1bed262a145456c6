export { defineStoredShape, STORED_VERSION_KEY } from './stored-shape';
export type { StoredMigration, StoredShape, StoredText } from './stored-shape';
export { readStored } from './read-stored';
export { StoredDataError } from './stored-data-error';
export type { StoredAt, StoredIssue } from './stored-data-error';
export { sameShape } from './same-shape';
export { compiledFlowShape } from './compiled-flow-shape';
export { ticketStatsShape } from './ticket-stats-shape';
export { flowVisitsShape } from './flow-visits-shape';
export { flowSnapshotShape, type PersistedSnapshot } from './flow-snapshot-shape';
export {
  effectOutcomeShape,
  effectRequestShape,
  effectResultShape,
  ticketEventShape,
  type EffectResultPayload,
  type StoredEffectRequest,
} from './effect-shapes';
export { auditDetailShape } from './audit-detail-shape';
export { guardrailTripShape, rampPlanShape } from './deployment-shapes';
export { eventAcceptedAnswerShape, ticketCreatedAnswerShape } from './idempotent-answer-shapes';
export { businessCalendarShape } from './business-calendar-shape';
