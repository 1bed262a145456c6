/** What `switchyard` exits with; scripts and CI branch on these. */
export const ExitCode = {
  /** Everything valid / every ticket ran. */
  ok: 0,
  /** The input was fine but the result is not: an invalid flow (validate), a ticket that ended in an error (dry-run). */
  failed: 1,
  /** Bad input: a missing or unreadable file, broken JSON, a bad field, a wrong option. */
  badInput: 2,
  /** A bug in switchyard itself (EX_SOFTWARE), kept apart from the codes above. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
