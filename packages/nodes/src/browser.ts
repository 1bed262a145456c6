/*
 * @switchyard/nodes/browser: what the editor renders and evaluates in the page (templates,
 * expressions, the ticket stats a preview starts from). The main entry also carries the HTTP
 * client with its guarded socket (undici, node:dns), which a browser bundle must not pull in.
 */
export type { NodeContext, TicketStats } from './sdk/node-context';
export { EMPTY_STATS } from './sdk/node-context';
export { isValidTemplate, renderTemplate, templateView } from './sdk/template';
export { evaluateBoolean } from './sdk/expression';
