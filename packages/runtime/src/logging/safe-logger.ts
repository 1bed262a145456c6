import { maskSensitiveText, maskSensitiveValue } from '@switchyard/api';
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
    serializers: { err: (error: Error) => maskSensitiveValue(stdSerializers.err(error), unwrapForLog) },
    formatters: { log: (object) => maskSensitiveValue(object, unwrapForLog) },
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

/** Errors are logged as their serialized fields, class instances as their own fields (as pino prints them); dates and buffers stay. */
function unwrapForLog(value: object): unknown {
  if (value instanceof Error) return stdSerializers.err(value);
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  return { ...value };
}
