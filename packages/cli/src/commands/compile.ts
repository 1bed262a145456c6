import { compileValidFlow } from '@switchyard/compiler';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { diagnosticLine } from '../diagnostic-line';
import { ExitCode } from '../exit-code';
import { loadFlowFiles } from '../load-flow-files';
import { loadProjectRegistry } from '../load-project-registry';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import type { Command } from './command';

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard compile <flow.json>

Prints the compiled flow (the XState machine as plain JSON, and its nodes).
Exit status: 0 compiled, 2 the file is missing, not JSON or the flow does not validate
(its problems go to stderr).

`,
  'zh-CN': `用法：switchyard compile <flow.json>

输出编译后的流程（纯 JSON 的 XState 状态机及其节点）。
退出码：0 编译成功，2 文件不存在、不是 JSON 或流程校验不通过（问题输出到 stderr）。

`,
};

/** `switchyard compile`: one flow file to its CompiledFlow, as pretty JSON. */
export const compileCommand: Command = {
  name: 'compile',
  summary: (locale) => (locale === 'en' ? 'print the compiled state machine of a flow' : '输出流程编译后的状态机'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const m = messages(locale);
    const { values, positionals } = parseCommandArgs('compile', argv, {}, locale);
    if (values.help) {
      io.stdout(compileCommand.usage(locale));
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new CliInputError(m.compileOneFlow);
    const registry = await loadProjectRegistry(io, values.config, locale);
    const [flow] = await loadFlowFiles(io, positionals, registry, locale);
    if (!flow) throw new CliInputError(m.compileOneFlow);
    const { validation, file } = flow;
    const lines = validation.diagnostics.map((d) => diagnosticLine(file, d, locale));
    if (!validation.ok || !validation.document) throw new CliInputError(lines);
    // Warnings do not stop compilation but should not pass unseen.
    if (lines.length) io.stderr(`${lines.join('\n')}\n`);
    io.stdout(`${JSON.stringify(compileValidFlow(validation.document, registry), null, 2)}\n`);
    return ExitCode.ok;
  },
};
