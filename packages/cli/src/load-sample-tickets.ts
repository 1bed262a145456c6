import type { Locale } from '@switchyard/flow';
import { InputError, parseTicketsFile, type SampleTicket } from '@switchyard/runtime';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import { locateJsonError } from './locate-json-error';
import { messages } from './messages';
import { readInputText } from './read-input';

/**
 * Reads a tickets file (JSON array or JSON lines). Throws a `CliInputError` naming the
 * file, the line and the field of the first bad ticket.
 */
export async function loadSampleTickets(io: CliIo, file: string, locale: Locale): Promise<SampleTicket[]> {
  const text = await readInputText(io, file, locale);
  try {
    return parseTicketsFile(text, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new CliInputError(describeInputError(error, text, locale));
  }
}

function describeInputError(error: InputError, text: string, locale: Locale): string {
  const m = messages(locale);
  // parseTicketsFile cannot place a syntax error inside a JSON array; find its line here.
  const syntax = error.line === undefined ? locateJsonError(text) : undefined;
  if (syntax) return m.notJson(`${error.file}:${syntax.line}:${syntax.column}`, syntax.found);
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  if (!error.field) return `${where}: ${error.reason}`;
  // The reason repeats the field ("channel: Invalid option ..."); say it once.
  const reason = error.reason.startsWith(`${error.field}: `) ? error.reason.slice(error.field.length + 2) : error.reason;
  return `${where}: ${m.field(error.field)}: ${reason}`;
}
