import type { Ticket } from '@switchyard/flow';

/** Lower-cased, width-folded text, as a careful hand-written matcher would prepare it. */
export const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Subject and body of a ticket, folded once for several keyword checks. */
export const ticketText = (ticket: Ticket): string => fold(`${ticket.subject}\n${ticket.body}`);

/** True when the folded text contains any of the (lower-case) keywords. */
export const hasAny = (folded: string, keywords: readonly string[]): boolean => keywords.some((k) => folded.includes(k));

/** The ticket's order number: its orderId, or DD followed by digits in the text. */
export function orderNumber(ticket: Ticket): string | undefined {
  if (ticket.orderId) return ticket.orderId;
  return /DD\d+/i.exec(`${ticket.subject}\n${ticket.body}`.normalize('NFKC'))?.[0].toUpperCase();
}

/** Replies are in English only when the ticket has no Chinese text. */
export const isEnglish = (ticket: Ticket): boolean => !/[\u3400-\u9fff\uf900-\ufaff]/.test(`${ticket.subject}${ticket.body}`);

/** A reply step in the language of the ticket. */
export const replyStep = (ticket: Ticket, zh: string, en: string) => {
  const english = isEnglish(ticket);
  return { type: 'reply', params: { body: english ? en : zh, language: english ? 'en' : 'zh-CN' } };
};
