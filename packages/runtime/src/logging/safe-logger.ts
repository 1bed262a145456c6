import { maskSensitiveText } from '@switchyard/api';
import { type DestinationStream, type Level, type LevelWithSilent, type Logger, type LoggerOptions, pino, stdSerializers } from 'pino';

/** What a customer field logged by name becomes. */
export const CUSTOMER_CENSOR = '[customer]';

/** Customer fields, wherever a log call puts a ticket or a customer (up to three levels down). */
const CUSTOMER_PATHS = ['name', 'contact', 'phone', 'email'].flatMap((field) => [
  `customer.${field}`,
  `*.customer.${field}`,
  `*.*.customer.${field}`,
  `*.*.*.customer.${field}`,
]);

/**
 * Pino options that keep customer data out of the log: customer fields are censored by name,
 * and phone numbers, emails, ID-card and bank-card numbers are masked inside every message
 * and every logged string (errors included).
 * @example const logger = pino(safeLoggerOptions('info'));
 */
export function safeLoggerOptions(level: LevelWithSilent | Level): LoggerOptions {
  return {
    level,
    redact: { paths: CUSTOMER_PATHS, censor: CUSTOMER_CENSOR },
    serializers: { err: (error: Error) => maskForLog(stdSerializers.err(error)) },
    formatters: { log: (object) => maskObject(object) },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the same arguments with their strings masked: pino's overloads cannot name the tuple
          args.map((arg) => (typeof arg === 'string' ? maskSensitiveText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}

/**
 * A pino logger with `safeLoggerOptions`, writing to `destination` (default stdout).
 * @example const logger = createSafeLogger('info');
 */
export function createSafeLogger(level: LevelWithSilent | Level, destination?: DestinationStream): Logger {
  return destination ? pino(safeLoggerOptions(level), destination) : pino(safeLoggerOptions(level));
}

function maskObject(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, maskForLog(value)]));
}

/** Strings masked deep inside whatever a log call was given; errors become their serialized form. */
function maskForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitiveText(value);
  if (depth > 8 || typeof value !== 'object' || value === null || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (value instanceof Error) return maskForLog(stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((inner) => maskForLog(inner, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskForLog(inner, depth + 1)]));
}
