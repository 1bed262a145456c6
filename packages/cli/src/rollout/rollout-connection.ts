import type { ApiError } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { rolloutMessages } from './rollout-messages';
import { renderRollout } from './rollout-report';

/** The one flow id a rollout command takes, or bad input naming the command. */
export function flowIdOf(command: string, positionals: readonly string[], locale: Locale): string {
  const m = rolloutMessages(locale);
  const [flowId, ...more] = positionals;
  if (flowId === undefined) throw new CliInputError(m.needFlowId(command));
  if (more.length > 0) throw new CliInputError(m.oneFlowId(command));
  return flowId;
}

/** `--revision` as a deployment revision (0: not deployed yet), or bad input naming it. */
export function revisionOption(text: string | undefined, locale: Locale): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new CliInputError(rolloutMessages(locale).badRevision(text));
  return Number(text);
}

/**
 * A refusal of the server, with each bad field on its own line (`details` of a 400/409); a 409
 * because someone changed the rollout since the revision sent says so and shows the rollout now.
 */
export function refusalText(error: ApiError, locale: Locale): string {
  const m = rolloutMessages(locale);
  const conflict = error.rolloutConflict();
  if (conflict)
    return `${m.conflict(conflict.revision)}\n\n${conflict.rollout ? renderRollout(conflict.rollout, locale) : `${m.conflictGone}\n`}`;
  const issues = error.fieldIssues();
  const details = issues.length
    ? issues.map((issue) => `\n  ${issue.path || '(request)'}: ${issue.message}`).join('')
    : error.details === undefined
      ? ''
      : ` ${JSON.stringify(error.details)}`;
  return `${m.refused(error.status, error.message)}${details}\n`;
}
