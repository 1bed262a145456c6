import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinNodes } from '@switchyard/nodes';
import { CliInputError } from '../cli-input-error';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { nodeNames } from '../scaffold/node-names';
import { nodePackageFiles } from '../scaffold/node-package-files';
import type { Command } from './command';
import { newNodeMessages } from './new-node-messages';

const OPTIONS = { dir: { type: 'string' }, package: { type: 'string' } } as const;
/** npm's rule for new package names, scoped or not. */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/** `switchyard new-node <vendor.action>`: a node package with a passing test, to reshape. */
export const newNodeCommand: Command = {
  name: 'new-node',
  summary: (locale) => newNodeMessages(locale).summary,
  usage: (locale) => `${newNodeMessages(locale).usage}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const m = newNodeMessages(locale);
    const { values, positionals } = parseCommandArgs('new-node', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(newNodeCommand.usage(locale));
      return ExitCode.ok;
    }
    const [type, ...extra] = positionals;
    if (type === undefined || extra.length > 0) throw new CliInputError(m.needType);
    if (builtinNodes.some((n) => n.type === type)) throw new CliInputError(m.builtinType(type));
    const names = nodeNames(type);
    if (!names) throw new CliInputError(m.badType(type));
    const packageName = values.package ?? `switchyard-node-${names.slug}`;
    if (!PACKAGE_NAME.test(packageName) || packageName.length > 214) throw new CliInputError(m.badPackage(packageName));
    const dir = resolve(io.cwd, values.dir ?? join('custom-nodes', names.slug));
    const shown = relative(io.cwd, dir) || '.';
    if (existsSync(dir)) throw new CliInputError(m.exists(shown));

    const files = nodePackageFiles(names, packageName);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      // 'wx': never overwrite, even if something appeared since the check above.
      await writeFile(join(dir, path), text, { flag: 'wx' });
    }
    io.stdout(m.created(shown, Object.keys(files)));
    io.stdout(m.next(shown, names.exportName, packageName));
    return ExitCode.ok;
  },
};
