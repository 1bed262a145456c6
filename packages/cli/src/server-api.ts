import { ApiError, type ApiClient, createApiClient } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';

/** The API client of a command, and the server it talks to (for messages). */
export interface ServerConnection {
  readonly api: ApiClient;
  readonly server: string;
}

const NEED_SERVER: Record<Locale, (command: string) => string> = {
  en: (command) => `switchyard ${command}: give --server <url> (or set SWITCHYARD_SERVER)`,
  'zh-CN': (command) => `switchyard ${command}：请给出 --server <url>（或设置 SWITCHYARD_SERVER）`,
};

/**
 * The API client (`createApiClient`, the editor's too) of `--server` (or SWITCHYARD_SERVER)
 * with `--token` (or SWITCHYARD_TOKEN); no server is bad input naming the command.
 */
export function connect(
  command: string,
  values: { readonly server?: string; readonly token?: string },
  io: CliIo,
  locale: Locale,
): ServerConnection {
  const env = io.env ?? process.env;
  const server = values.server ?? env.SWITCHYARD_SERVER;
  if (!server) throw new CliInputError(NEED_SERVER[locale](command));
  const token = values.token ?? env.SWITCHYARD_TOKEN;
  const base = server.replace(/\/+$/, '');
  return { api: createApiClient({ baseUrl: base, headers: token ? { authorization: `Bearer ${token}` } : {}, locale }), server: base };
}

/**
 * The `ApiError` a failed call threw, for a command to print (exit 1). An unreachable server or
 * a refused token is bad input naming the server (a `CliInputError`, exit 2); anything else
 * than an `ApiError` is thrown on.
 */
export function serverRefusal(error: unknown, server: string, locale: Locale): ApiError {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 0) throw new CliInputError(error.message);
  if (error.status === 401)
    throw new CliInputError(
      locale === 'en'
        ? `the server at ${server} refused the token (set --token or SWITCHYARD_TOKEN)`
        : `服务器 ${server} 拒绝了令牌（请设置 --token 或 SWITCHYARD_TOKEN）`,
    );
  return error;
}
