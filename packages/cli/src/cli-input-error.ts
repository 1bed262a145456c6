/**
 * Bad input the user can fix: a missing file, broken JSON, an invalid flow, a wrong
 * option. `runCli` prints the message (already localized) and exits 2.
 */
export class CliInputError extends Error {
  /** One problem per line; each names its file and, where known, line and field. */
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.name = 'CliInputError';
    this.problems = list;
  }
}
