import { resolve } from 'node:path';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from './cli-input-error';
import { type CliIo, readThroughIo } from './cli-io';
import { locateJsonError } from './locate-json-error';
import { messages } from './messages';

/**
 * Reads an input file named on the command line (relative to `io.cwd`). Throws a
 * `CliInputError` naming the file as the user wrote it.
 */
export async function readInputText(io: CliIo, file: string, locale: Locale): Promise<string> {
  const m = messages(locale);
  try {
    // A byte-order mark from Windows editors is not part of the JSON.
    return (await readThroughIo(io, resolve(io.cwd, file))).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') throw new CliInputError(m.noSuchFile(file));
    if (code === 'EISDIR') throw new CliInputError(m.isDirectory(file));
    throw new CliInputError(m.cannotRead(file, error instanceof Error ? error.message : String(error)));
  }
}

/** Parses JSON text, or throws a `CliInputError` naming the file, line and column. */
export function parseJsonInput(text: string, file: string, locale: Locale): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    throw new CliInputError(messages(locale).notJson(at ? `${file}:${at.line}:${at.column}` : file, at?.found));
  }
}

/** Reads and parses a JSON input file. */
export async function readJsonInput(io: CliIo, file: string, locale: Locale): Promise<unknown> {
  return parseJsonInput(await readInputText(io, file, locale), file, locale);
}
