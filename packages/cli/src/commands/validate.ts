import type { Locale } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { diagnosticLine } from '../diagnostic-line';
import { ExitCode } from '../exit-code';
import { flowIdOf, loadFlowFiles } from '../load-flow-files';
import { loadProjectRegistry } from '../load-project-registry';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import type { Command } from './command';

const OPTIONS = { json: { type: 'boolean' } } as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard validate <flow.json ...> [--json]

Checks flow files against the installed nodes and prints every problem as
"file: node <id>: field: message".
Exit status: 0 all valid, 1 a flow has errors, 2 a file is missing or not JSON.

  --json            print [{ file, flowId, ok, diagnostics }]
`,
  'zh-CN': `用法：switchyard validate <flow.json ...> [--json]

按已安装的节点检查流程文件，每个问题输出为 "文件: 节点 <id>: 字段: 说明"。
退出码：0 全部通过，1 有流程存在错误，2 文件不存在或不是 JSON。

  --json            输出 [{ file, flowId, ok, diagnostics }]
`,
};

/** `switchyard validate`: every diagnostic of every flow file given. */
export const validateCommand: Command = {
  name: 'validate',
  summary: (locale) => (locale === 'en' ? 'check flow files and list every problem' : '检查流程文件并列出所有问题'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const m = messages(locale);
    const { values, positionals } = parseCommandArgs('validate', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(validateCommand.usage(locale));
      return ExitCode.ok;
    }
    if (positionals.length === 0) throw new CliInputError(m.needFlows('validate'));
    const registry = await loadProjectRegistry(io, values.config, locale);
    const flows = await loadFlowFiles(io, positionals, registry, locale);
    const valid = flows.filter((f) => f.validation.ok).length;
    if (values.json) {
      const report = flows.map((f) => ({ file: f.file, flowId: flowIdOf(f), ok: f.validation.ok, diagnostics: f.validation.diagnostics }));
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = flows.flatMap((f) =>
        f.validation.ok && f.validation.diagnostics.length === 0 && f.validation.document
          ? [m.flowOk(f.file, f.validation.document.nodes.length, f.validation.document.edges.length)]
          : f.validation.diagnostics.map((d) => diagnosticLine(f.file, d, locale)),
      );
      if (flows.length > 1) lines.push(m.validateSummary(valid, flows.length));
      io.stdout(`${lines.join('\n')}\n`);
    }
    return valid === flows.length ? ExitCode.ok : ExitCode.failed;
  },
};
