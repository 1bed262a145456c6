import { MigrateTicketsRequest, rolloutRuleOf } from '@switchyard/api';

/** The versions `--migrate <from>:<to>` names. */
export interface MigrateVersions {
  readonly from: number;
  readonly to: number;
}

/** Why `--migrate` does not name two versions; `rolloutMessages` words it. */
export type MigrateProblem = 'syntax' | 'same';

/**
 * Reads `--migrate 4:3` (move the open tickets of version 4 to version 3). Checks what the
 * server checks of the pair, so a bad one is never sent.
 * @example parseMigrate('4:3') // { versions: { from: 4, to: 3 } }
 */
export function parseMigrate(text: string): { versions: MigrateVersions } | { problem: MigrateProblem } {
  const match = /^\s*v?(\d+)\s*:\s*v?(\d+)\s*$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1 || to < 1) return { problem: 'syntax' };
  // The server's rule, so the pair it would refuse is never sent.
  const checked = MigrateTicketsRequest.safeParse({ from, to });
  if (checked.error?.issues.some((issue) => rolloutRuleOf(issue) === 'migrateSame')) return { problem: 'same' };
  return { versions: { from, to } };
}
