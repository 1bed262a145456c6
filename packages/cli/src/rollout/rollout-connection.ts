import { FieldIssue } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { z } from 'zod';
import { CliInputError } from '../cli-input-error';
import type { CliIo } from '../cli-io';
import { type ServerAnswerError, serverClient, type ServerClient } from '../server-client';
import { rolloutMessages } from './rollout-messages';

/** The one flow id a rollout command takes, or bad input naming the command. */
export function flowIdOf(command: string, positionals: readonly string[], locale: Locale): string {
  const m = rolloutMessages(locale);
  const [flowId, ...more] = positionals;
  if (flowId === undefined) throw new CliInputError(m.needFlowId(command));
  if (more.length > 0) throw new CliInputError(m.oneFlowId(command));
  return flowId;
}

/** A client of `--server` (or SWITCHYARD_SERVER) with `--token` (or SWITCHYARD_TOKEN). */
export function connect(command: string, values: { readonly server?: string; readonly token?: string }, io: CliIo, locale: Locale): ServerClient {
  const env = io.env ?? process.env;
  const server = values.server ?? env.SWITCHYARD_SERVER;
  if (!server) throw new CliInputError(rolloutMessages(locale).needServer(command));
  return serverClient(server, values.token ?? env.SWITCHYARD_TOKEN);
}

/** `/api/flows/<id>/rollout`, the id escaped. */
export const rolloutPath = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/rollout`;

/** A refusal of the server, with each bad field on its own line (`details` of a 400/409). */
export function refusalText(error: ServerAnswerError, locale: Locale): string {
  const issues = z.array(FieldIssue).safeParse(error.details);
  const details = issues.success
    ? issues.data.map((issue) => `\n  ${issue.path || '(request)'}: ${issue.message}`).join('')
    : error.details === undefined
      ? ''
      : ` ${JSON.stringify(error.details)}`;
  return `${rolloutMessages(locale).refused(error.status, error.message)}${details}\n`;
}
