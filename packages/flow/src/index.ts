export { Channel, Customer, CustomerTier, FINAL_FIELDS, Priority, Ticket, TicketStatus } from './ticket';
export type { TicketPatch } from './ticket';
export {
  AgentAction,
  AgentActionKind,
  AgentReply,
  ApprovalDecided,
  CustomerConfirmed,
  CustomerMessage,
  StatusChanged,
  SurveyResponse,
  TicketCreated,
  TicketEvent,
  TicketEventType,
} from './ticket-event';
export { Duration, formatDuration, parseDuration } from './duration';
export { FlowDocument, FlowEdge, FlowNode, Identifier, Position } from './flow-document';
export type { FlowDocumentInput } from './flow-document';
export { NodeKind } from './node-kind';
export type { ConfigWarning, NodeCatalog, NodeSpec } from './node-kind';
export { formatDiagnostic } from './diagnostic';
export type { Diagnostic, DiagnosticCode, Locale } from './diagnostic';
export { DIAGNOSTIC_CODES, isDiagnosticCode } from './diagnostic';
export { validateFlow, validateFlowDocument } from './validate-flow';
export type { FlowValidation } from './validate-flow';
export { describeIssues, issuePath } from './zod-issues';
export { bilingual, translateMessage } from './localized-message';
export { INPUT_LIMITS } from './input-limits';
export { isRecord } from './is-record';
export { configJsonSchema, describeField, FIELD_META_KEY, FieldMeta, FieldText, readFieldMeta, schemaProperties } from './field-meta';
export { baseVariables, flattenVariables, isKnownVariable, TicketStatsShape, variablesFromJsonSchema } from './variables/variable-tree';
export type { VariableNode, VariableScope } from './variables/variable-tree';
export { upstreamNodes, variablesAt } from './variables/variables-at';
export type { OutputShape, VariableSource } from './variables/variables-at';
export { closestVariable, editDistance } from './variables/closest-variable';
export { expressionReferences, templateReferences } from './variables/variable-references';
export type { VariableReference } from './variables/variable-references';
export { nodeName, outputShapeOf } from './rules/unknown-variable';
export { CATEGORY_CATALOGUE, CATEGORY_CHOICES, categoryPath, SUBCATEGORY_CHOICES } from './categories/category-catalogue';
export type { CatalogueCategory } from './categories/category-catalogue';
