import type { Ticket } from '@switchyard/flow';
import { firstKeyword } from '@switchyard/nodes';
import { type TextSource, witnessOf } from './condition-witnesses';
import type { TicketStep } from './script-steps';

/** Keyword lists one text must match (one keyword of each) and must not match (none of each). */
interface TextNeeds {
  readonly required: (readonly string[])[];
  readonly forbidden: (readonly string[])[];
}

const needs = (): TextNeeds => ({ required: [], forbidden: [] });

/**
 * The neutral text plus, for each list that must match, its first keyword that trips no
 * list that must not ("故障" for a fault, not "投诉" when the flow must not see a complaint).
 * When every keyword trips one, the first is used and the final check reports the conflict.
 */
export function composeText(neutral: string, { required, forbidden }: TextNeeds): string {
  const picked = required.map(
    (keywords) => keywords.find((k) => forbidden.every((f) => firstKeyword(k, f) === undefined)) ?? keywords[0] ?? '',
  );
  return [neutral, ...new Set(picked)].filter(Boolean).join(' ');
}

/** Adds a keyword condition's answer to the texts it reads: a keyword in the first, none in any. */
function add(targets: readonly TextNeeds[], keywords: readonly string[], port: string): void {
  if (port === 'true') targets[0]?.required.push(keywords);
  else for (const target of targets) target.forbidden.push(keywords);
}

/**
 * Subject and body for the script's keyword conditions on the ticket text. A keyword for
 * `ticket` (subject + body) goes into the body; "none of them" for `ticket` holds for both.
 */
export function ticketText(neutral: Ticket, steps: readonly TicketStep[]): { subject: string; body: string } {
  const subject = needs();
  const body = needs();
  const targets: Readonly<Record<Exclude<TextSource, 'message'>, readonly TextNeeds[]>> = {
    ticket: [body, subject],
    subject: [subject],
    body: [body],
  };
  for (const { node, port } of steps.flatMap((s) => s.choices)) {
    const witness = witnessOf(node.def.type);
    if (witness.kind !== 'text') continue;
    const { source, keywords } = witness.read(node.config);
    if (source !== 'message') add(targets[source], keywords, port);
  }
  return { subject: composeText(neutral.subject, subject), body: composeText(neutral.body, body) };
}

/** Event types whose `body` a `message` keyword condition reads. */
export const BODY_EVENTS: ReadonlySet<string> = new Set(['customer.message', 'agent.reply']);

/**
 * The body of each scripted message or reply: a neutral line numbered by step (so no two
 * messages repeat by chance) plus the keywords of the `message` conditions that read it.
 */
export function messageBodies(steps: readonly TicketStep[]): Map<number, string> {
  const bodyNeeds = new Map<number, TextNeeds>();
  for (const step of steps) if (BODY_EVENTS.has(step.played.event.type)) bodyNeeds.set(step.index, needs());
  for (const step of steps) {
    const target = step.payload === undefined ? undefined : bodyNeeds.get(step.payload);
    for (const { node, port } of step.choices) {
      const witness = witnessOf(node.def.type);
      if (witness.kind !== 'text' || !target) continue;
      const { source, keywords } = witness.read(node.config);
      if (source === 'message') add([target], keywords, port);
    }
  }
  return new Map([...bodyNeeds].map(([index, textNeeds]) => [index, composeText(`样例消息 sample message ${index}`, textNeeds)]));
}
