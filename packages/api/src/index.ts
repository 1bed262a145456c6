/*
 * @switchyard/api: the request and response bodies of Switchyard's HTTP API as zod
 * schemas, shared by the server (validation, OpenAPI) and the editor (parsing answers).
 * Browser-safe: it depends on zod and @switchyard/flow only.
 */
export { ErrorBody, FieldIssue } from './error-body';
export { Diagnostic, DraftSaved } from './diagnostic';
export { CatalogEntry, Health, LocalizedText, NodeCatalog } from './node-catalog';
export {
  CompiledFlow,
  CreateFlowRequest,
  Deployment,
  DraftConflict,
  DraftRevision,
  FlowCreated,
  FlowDetail,
  FlowDocument,
  FlowList,
  FlowSummary,
  FlowVersion,
  PublishRequest,
  SaveDraftRequest,
  VersionPublished,
  VersionSummary,
} from './flows';
export { DryRunAction, DryRunRequest, DryRunResult, DryRunResults, SampleEvent, SampleTicket } from './dry-run';
export {
  Agent,
  AgentInput,
  AgentList,
  AgentStatus,
  AgentStatusRequest,
  Group,
  GroupList,
  RosterInput,
  Seniority,
  Skill,
  SkillList,
} from './roster';
export {
  Deadline,
  RunningSla,
  EventAccepted,
  HistoryEntry,
  NewTicket,
  TicketConversation,
  TicketCreatedResponse,
  TicketEvent,
  TicketsImported,
  TicketMessage,
  TicketHistory,
  TicketList,
  TicketQuery,
  TicketStats,
  TicketView,
} from './tickets';
export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, IdempotencyHeaders, IdempotencyKey } from './idempotency-key';
export { EffectList, EffectQuery, EffectStatus, EffectView, RuntimeStats } from './runtime';
export {
  FlowMetrics,
  Guardrail,
  GuardrailMetric,
  GuardrailTrip,
  MetricDifference,
  MigrateTicketsRequest,
  OpsNotification,
  OpsNotificationList,
  RampPlan,
  Rollout,
  RolloutActionRequest,
  RolloutChange,
  RolloutChangeKind,
  RolloutConflict,
  RolloutRequest,
  RolloutRevision,
  RolloutSplit,
  TicketsMigrated,
  VersionMetrics,
} from './rollout';
export type { GuardrailInput } from './rollout';
export { RolloutRefusal } from './rollout-refusal';
export { PutSecretRequest, SecretList, SecretName, SecretView } from './secrets';
export { ApiError, type ApiClient, type RefusedTicket, type ApiClientOptions, createApiClient, type DryRunTarget } from './client';
export { AuthProviders, CSRF_HEADER, needsPermissionText, oidcStartPath } from './client';
export {
  DURATION_UNITS,
  durationParts,
  type FormatStyle,
  formatCsat,
  formatDifference,
  formatInterval,
  formatMetricValue,
  formatMs,
  formatPValue,
  humanDuration,
  partsText,
  type Verdict,
  verdictOf,
} from './format';
export {
  isChineseIdNumber,
  maskContact,
  maskEmail,
  maskName,
  maskPhone,
  maskSensitiveText,
  maskSensitiveValue,
  passesLuhn,
  maskCustomerIn,
  maskCustomerInDetail,
  customerDetailMasker,
  maskerFor,
  maskHistory,
  maskMessages,
  maskTicketView,
  seesCustomerContact,
  type TicketViewer,
} from './format';
export { ROLLOUT_RULES, type RolloutRule, rolloutRuleOf } from './rollout-rules';
export {
  PERMISSION_LABELS,
  PERMISSIONS,
  Permission,
  PermissionRefusal,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  ROLES,
  Role,
  permissionsOf,
  rolesAllow,
} from './permissions';
export {
  CreateTokenRequest,
  CreateUserRequest,
  LoginRequest,
  Me,
  PatchUserRequest,
  TokenCreated,
  TokenList,
  TokenView,
  UserList,
  UserView,
  SignedOut,
} from './auth';
export { DeploymentOrder, DeploymentOrderConflict, ReorderDeploymentsRequest } from './deployment-order';
export { AuditChainBreak, AuditChainBreakReason, AuditVerification } from './audit';
export {
  AgentFigures,
  AnalyticsOverview,
  DEFAULT_SCORECARD,
  DurationFigure,
  EdgeAnalytics,
  FlowAnalytics,
  FlowAnalyticsQuery,
  KeyCount,
  NodeAnalytics,
  NodeTickets,
  NodeTicketsQuery,
  OverviewQuery,
  RateFigure,
  Scorecard,
  ScorecardMetric,
  ScoreRow,
  WaitFigures,
  WeeklyLine,
  WeeklyReport,
  WeeklyReportQuery,
} from './analytics';
export {
  Backtest,
  BacktestDifference,
  BacktestFilter,
  BacktestList,
  BacktestRequest,
  BacktestStarted,
  BacktestStatus,
  BacktestSummary,
  BacktestTicket,
  DIFFERENCE_KINDS,
  DifferenceKind,
  ReplayError,
  ReplayRun,
} from './backtest';
export {
  ActionDone,
  CustomerView,
  EscalateRequest,
  NoteRequest,
  QUEUE_VIEWS,
  QueueCount,
  QueueCounts,
  QueueRowInfo,
  QueueSort,
  QueueView,
  ReplyRequest,
  StatusRequest,
  StepIn,
  StepInRequest,
  StreamEvent,
  TicketTrace,
  TraceStep,
  TransferRequest,
  UserNotification,
  UserNotificationList,
} from './console';
export { FlowErrorList, FlowErrorQuery, FlowErrorView } from './flow-errors';
export { CalendarList, CalendarView, IcalImport, SaveCalendarRequest, StoredCalendar } from './calendars';
export { ApprovalList, ApprovalListQuery, ApprovalView, approvalRefusal, DecideApprovalRequest, mayDecide } from './approvals';
