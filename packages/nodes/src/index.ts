export { defineNode, HOLD_EXPIRED, TYPE_NAME } from './sdk/define-node';
export type {
  ConfigMigration,
  ConfigWarning,
  ActionHold,
  ActionInput,
  ActionNode,
  ConditionInput,
  ConditionNode,
  EndNode,
  LocalizedText,
  NodeDefinition,
  NodeInput,
  NodeInputs,
  TriggerInput,
  TriggerNode,
  WaitInput,
  WaitNode,
  OutcomeWaitNode,
  PlainWaitNode,
} from './sdk/define-node';
export type { WaitAnswer, WaitOutcomes, WaitSelf } from './sdk/wait-outcomes';
export type { ActionContext, ActionResult, NodeContext, OutboundMessage, TicketStats } from './sdk/node-context';
export { EMPTY_STATS } from './sdk/node-context';
export { createHttpClient, HttpError, noHttp } from './sdk/node-http';
export type { HttpClientOptions, HttpMethod, HttpRequest, HttpResponse, NodeHttpClient, RawHttpResponse } from './sdk/node-http';
export { HttpRefusedError, httpRefusalOf } from './sdk/http-error';
export { type AddressRefusal, addressRefusal } from './sdk/http-guard/address-refusal';
export { isAllowedHost, parseHttpAllow } from './sdk/http-guard/http-allow-list';
export type { GuardedRequest } from './sdk/http-guard/guarded-fetch';
export { silentLogger } from './sdk/node-logger';
export type { LogEntry, LogFields, LogLevel, NodeLogger } from './sdk/node-logger';
export { noSecrets, SECRET_NAME, SecretError, secretsFrom } from './sdk/node-secrets';
export type { NodeSecrets, SecretsOptions } from './sdk/node-secrets';
export { Agent, AgentStatus, consideredAgents, EMPTY_ROSTER, Group, leastLoadedAgent, presenceOf, Roster, Seniority } from './sdk/roster';
export { routeAgent } from './sdk/route-agent';
export type { RouteRequest, RoutingStrategy } from './sdk/route-agent';
export type { AgentCriteria, Considered, PassedOver } from './sdk/roster';
export { createNodeRegistry } from './sdk/node-registry';
export type { NodeRegistry } from './sdk/node-registry';
export { findOrderNumber, firstKeyword, isChinese, normalizeText } from './sdk/text-match';
export { isValidTemplate, renderTemplate, templateView } from './sdk/template';
export { hasRawTags, templatePieces, templateTags } from './sdk/template-values';
export type { InsertedValue, TemplatePiece, TemplateTag } from './sdk/template-values';
export { renderUrlTemplate, UrlTemplateError } from './sdk/url-template';
export { JsonTemplateError, renderJsonTemplate } from './sdk/json-template';
export {
  compileExpression,
  evaluateBoolean,
  expressionError,
  expressionPatternError,
  expressionScope,
  MAX_EXPRESSION_LENGTH,
} from './sdk/expression';
export { BudgetExceededError, EXPRESSION_BUDGET, withBudget } from './sdk/evaluation-budget';
export type { BudgetResource, EvaluationBudget } from './sdk/evaluation-budget';
export {
  compilePattern,
  MAX_PATTERN_INSTRUCTIONS,
  MAX_PATTERN_LENGTH,
  PatternError,
  patternError,
  RegexPattern,
} from './sdk/regex-pattern';
export type { CompiledPattern, PatternOptions } from './sdk/regex-pattern';
export { builtinNodes } from './builtin-nodes';
export { TicketField } from './conditions/field-compare';
export { defineConfig } from './sdk/define-config';
export type { SwitchyardConfig } from './sdk/define-config';
export { describeNodes } from './sdk/node-catalog';
export type { CatalogEntry, CatalogSecret, DescribeOptions } from './sdk/node-catalog';
export { CalendarPick, ClockKind, dueAfter } from './sdk/business-clock';
export type { CalendarBook, CompiledCalendar } from '@switchyard/calendar';
// Business-time arithmetic for custom nodes (and hand-written comparisons) that count working hours as the built-ins do.
export { addBusinessTime, businessTimeBetween, defaultCalendar } from '@switchyard/calendar';
export { readSlaClock, SlaClock, SlaTarget } from './service-levels/sla-clock';
export { slaPolicy } from './service-levels/sla-policy';
export { approval, APPROVER_ROLES, ApprovalRequest, readApprovalRequest } from './service-levels/approval';
export { confirmation } from './service-levels/confirmation';
