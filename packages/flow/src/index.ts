export { Channel, Customer, CustomerTier, FINAL_FIELDS, Priority, Ticket, TicketStatus } from './ticket';
export type { TicketPatch } from './ticket';
export {
  AgentReply,
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
