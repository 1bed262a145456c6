/**
 * The API's request and response schemas come from @switchyard/api, shared with the server;
 * this file names the ones the editor uses (each name is both the zod schema and its type).
 */
import { type CatalogEntry, VersionSummary as VersionSummarySchema } from '@switchyard/api';
import type { z } from 'zod';

export {
  AgentList,
  CatalogEntry,
  Deployment,
  Diagnostic,
  DraftConflict,
  DraftSaved,
  DryRunAction,
  DryRunResult,
  DryRunResults,
  ErrorBody,
  FlowCreated,
  FlowDetail,
  FlowList,
  FlowMetrics,
  FlowSummary,
  FlowVersion,
  Group,
  Guardrail,
  GuardrailTrip,
  GroupList,
  MetricDifference,
  NodeCatalog,
  OpsNotification,
  OpsNotificationList,
  RampPlan,
  Rollout,
  RolloutChange,
  RolloutConflict,
  RolloutSplit,
  RuntimeStats,
  SecretList,
  SecretName,
  SecretView,
  Skill,
  SkillList,
  TicketsMigrated,
  VersionMetrics,
  VersionPublished,
} from '@switchyard/api';
export type { Agent, GuardrailInput, GuardrailMetric, MigrateTicketsRequest, RolloutRequest } from '@switchyard/api';

/** A node's kind: trigger, condition, action, wait or end. */
export type NodeKindName = CatalogEntry['kind'];

/** A row of a flow's version history. */
export const VersionSummary = VersionSummarySchema;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
