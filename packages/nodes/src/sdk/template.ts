import Mustache from 'mustache';
import type { NodeContext } from './node-context';
import { findOrderNumber } from './text-match';

/** The values a template can name: `{{ticket.number}}`, `{{vars.track.status}}`, `{{orderNumber}}`. */
export function templateView(ctx: NodeContext): Record<string, unknown> {
  return { ticket: ctx.ticket, vars: ctx.vars, event: ctx.event, orderNumber: findOrderNumber(ctx.ticket) ?? '' };
}

/**
 * Renders a mustache template without HTML escaping (messages are plain text).
 * @example renderTemplate('工单 {{ticket.number}}', view) // "工单 GD2024050001"
 */
export function renderTemplate(template: string, view: Record<string, unknown>): string {
  return Mustache.render(template, view, {}, { escape: (value: unknown) => String(value) });
}

/** True when mustache can parse the template; config schemas use it to reject broken tags. */
export function isValidTemplate(template: string): boolean {
  try {
    Mustache.parse(template);
    return true;
  } catch {
    return false;
  }
}
