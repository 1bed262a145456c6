import { FlowDocument, type Locale } from '@switchyard/flow';
import { SampleTicket } from '@switchyard/runtime';
import { z } from 'zod';
import { CliInputError } from '../cli-input-error';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import type { Command } from './command';

/** The documents people write by hand or generate, by the name the command takes. */
const SCHEMAS = { flow: FlowDocument, ticket: SampleTicket } as const;
type SchemaName = keyof typeof SCHEMAS;
const isSchemaName = (name: string | undefined): name is SchemaName => name !== undefined && Object.hasOwn(SCHEMAS, name);

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard schema <flow|ticket>

Prints the JSON Schema (draft 2020-12) of a flow document or of a dry-run sample ticket,
for editors and scripts that write them. Node configs are listed by "switchyard nodes --json".

`,
  'zh-CN': `用法：switchyard schema <flow|ticket>

输出流程文档或试跑样例工单的 JSON Schema（draft 2020-12），供编辑器和脚本生成与校验。
各节点的配置见 "switchyard nodes --json"。

`,
};

/** `switchyard schema`: the JSON Schema of the documents users write. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: (locale) => (locale === 'en' ? 'print the JSON Schema of a flow or a sample ticket' : '输出流程或样例工单的 JSON Schema'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('schema', argv, {}, locale);
    if (values.help) {
      io.stdout(schemaCommand.usage(locale));
      return ExitCode.ok;
    }
    const [name] = positionals;
    if (positionals.length !== 1 || !isSchemaName(name)) {
      throw new CliInputError(locale === 'en' ? 'name one schema: flow or ticket' : '请指定一个：flow 或 ticket');
    }
    // Input side: what a person writes, defaults optional.
    io.stdout(`${JSON.stringify(z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' }), null, 2)}\n`);
    return ExitCode.ok;
  },
};
