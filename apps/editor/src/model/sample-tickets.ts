import { z } from 'zod';

/** A sample ticket as the dry-run API takes it; the server checks the details, the editor needs the id. */
export const SampleTicketInput = z.looseObject({ id: z.string().min(1), subject: z.string().optional(), note: z.string().optional() });
export type SampleTicketInput = z.infer<typeof SampleTicketInput>;

/** A line the editor could not read, named by its 1-based line number. */
export interface TicketLineError {
  readonly line: number;
  readonly message: string;
}

/**
 * Reads pasted or uploaded sample tickets: a JSON array, or JSON lines (blank lines skipped).
 * @example parseTicketLines('{"id":"a"}\n{"id":"b"}').tickets.length // 2
 */
export function parseTicketLines(text: string): { tickets: SampleTicketInput[]; errors: TicketLineError[] } {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed = z.array(SampleTicketInput).safeParse(JSON.parse(trimmed));
      return parsed.success
        ? { tickets: parsed.data, errors: [] }
        : { tickets: [], errors: [{ line: 1, message: parsed.error.issues[0]?.message ?? 'invalid' }] };
    } catch (error) {
      return { tickets: [], errors: [{ line: 1, message: error instanceof Error ? error.message : String(error) }] };
    }
  }
  const tickets: SampleTicketInput[] = [];
  const errors: TicketLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      const parsed = SampleTicketInput.safeParse(JSON.parse(raw));
      if (parsed.success) tickets.push(parsed.data);
      else
        errors.push({
          line: index + 1,
          message: parsed.error.issues.map((i) => `${i.path.join('.') || 'ticket'}: ${i.message}`).join('; '),
        });
    } catch (error) {
      errors.push({ line: index + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { tickets, errors };
}

/** The fields of the dry-run panel's quick form. */
export interface QuickTicket {
  readonly subject: string;
  readonly body: string;
  readonly channel: string;
  readonly tier: string;
}

/**
 * A sample ticket from the quick form, with an id that does not clash with `taken`.
 * @example quickTicket({ subject: '物流', body: '', channel: 'chat', tier: 'standard' }, new Set()).id // "quick-1"
 */
export function quickTicket(form: QuickTicket, taken: ReadonlySet<string>): SampleTicketInput {
  let n = 1;
  while (taken.has(`quick-${n}`)) n += 1;
  const id = `quick-${n}`;
  return {
    id,
    number: id.toUpperCase(),
    channel: form.channel,
    subject: form.subject,
    body: form.body,
    customer: { id: `customer-${id}`, tier: form.tier },
  };
}
