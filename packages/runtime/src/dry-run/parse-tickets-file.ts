import { describeIssues, issuePath } from '@switchyard/flow';
import { SampleTicket } from './sample-ticket';
import { errorMessage } from '../engine/error-message';

/** Bad dry-run input: names the file, the line and the field. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}${field ? ` ${field}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Start offsets of the top-level items of a JSON array, so errors can name their line. */
function arrayItemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (expectItem && !/\s/.test(c) && c !== ']') {
      offsets.push(i);
      expectItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expectItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectItem = true;
  }
  return offsets;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Parses sample tickets from a JSON array or JSON lines. Throws an `InputError` naming
 * the file, line and field of the first bad ticket.
 */
export function parseTicketsFile(text: string, file: string): SampleTicket[] {
  const items: { value: unknown; line: number }[] = [];
  if (text.trimStart().startsWith('[')) {
    let values: unknown;
    try {
      values = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, undefined, undefined, `not valid JSON: ${errorMessage(error)}`);
    }
    if (!Array.isArray(values)) throw new InputError(file, 1, undefined, 'expected a JSON array of tickets');
    const offsets = arrayItemOffsets(text);
    values.forEach((value: unknown, i) => items.push({ value, line: lineAt(text, offsets[i] ?? 0) }));
  } else {
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        items.push({ value: JSON.parse(line), line: i + 1 });
      } catch (error) {
        throw new InputError(file, i + 1, undefined, `not valid JSON: ${errorMessage(error)}`);
      }
    });
  }
  const seen = new Set<string>();
  return items.map(({ value, line }) => {
    const parsed = SampleTicket.safeParse(value);
    if (!parsed.success) {
      const [first] = parsed.error.issues;
      throw new InputError(file, line, issuePath(first?.path ?? []) || undefined, describeIssues(parsed.error).join('; '));
    }
    if (seen.has(parsed.data.id)) throw new InputError(file, line, 'id', `ticket id ${parsed.data.id} appears twice`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}
