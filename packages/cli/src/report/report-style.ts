import type { Locale } from '@switchyard/flow';
import pc from 'picocolors';
import { type Messages, messages } from '../messages';

/** How the readable report is written. */
export interface ReportOptions {
  readonly locale: Locale;
  /** ANSI colours; only for a terminal, never in files or pipes. */
  readonly color: boolean;
}

/** What the report writers share: the colours (no-ops when off) and the messages. */
export interface ReportStyle {
  readonly c: ReturnType<typeof pc.createColors>;
  readonly m: Messages;
  /** A heading with the colon of its language ("path:", "路径："). */
  readonly label: (text: string) => string;
}

/** Colours and messages for the options. */
export function reportStyle(options: ReportOptions): ReportStyle {
  const colon = options.locale === 'zh-CN' ? '：' : ': ';
  return { c: pc.createColors(options.color), m: messages(options.locale), label: (text) => `${text}${colon}`.trimEnd() };
}

/** Pads each column to its widest cell; columns hold ASCII ids and times, so length is width. */
export function alignColumns(rows: readonly (readonly string[])[]): string[][] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))));
}

/** Indents the lines after the first, so a multi-line message stays under its bullet. */
export function hangingIndent(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${indent}${line}`))
    .join('\n');
}
