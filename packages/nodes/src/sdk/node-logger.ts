/** Fields attached to a log line: plain JSON values. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * The structured logger a node writes to. The durable host binds it to the ticket, flow,
 * node and idempotency key (a pino child logger) and removes secret values from every line;
 * dry-runs drop the lines; tests collect them.
 */
export interface NodeLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = keyof NodeLogger;

/** One line a {@link createCollectingLogger} kept. */
export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

const noop = (): void => undefined;

/** A logger that drops every line (dry-runs, actions run inside a transaction). */
export const silentLogger: NodeLogger = { debug: noop, info: noop, warn: noop, error: noop };

/**
 * A logger that keeps every line, for tests that assert what a node logged.
 * @example
 * const logger = createCollectingLogger();
 * logger.info('order found', { orderNumber: 'DD1' });
 * logger.entries; // [{ level: 'info', message: 'order found', fields: { orderNumber: 'DD1' } }]
 */
export function createCollectingLogger(): NodeLogger & { readonly entries: readonly LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      entries.push({ level, message, fields });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
