import { issuePath, type Locale } from '@switchyard/flow';
import { Roster } from '@switchyard/nodes';
import { CliInputError } from './cli-input-error';
import type { CliIo } from './cli-io';
import { messages } from './messages';
import { readJsonInput } from './read-input';

/**
 * Reads an agents file (`{ groups, agents }`) and checks it with the `Roster` schema.
 * Throws a `CliInputError` with one line per problem naming the file and the field.
 * @example await loadRosterFile(io, 'examples/agents.json', 'en')
 */
export async function loadRosterFile(io: CliIo, file: string, locale: Locale): Promise<Roster> {
  const parsed = Roster.safeParse(await readJsonInput(io, file, locale));
  if (parsed.success) return parsed.data;
  const m = messages(locale);
  throw new CliInputError(
    parsed.error.issues.map((issue) => {
      const field = issuePath(issue.path);
      return `${file}: ${field ? `${m.field(field)}: ` : ''}${issue.message}`;
    }),
  );
}
