import { type Logger, pino } from 'pino';

/** A pino logger whose JSON lines a test can read back. */
export function captureLogs(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }), lines };
}
