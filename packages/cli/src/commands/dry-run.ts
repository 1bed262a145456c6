import type { Locale } from '@switchyard/flow';
import { dryRun, type DryRunResult } from '@switchyard/runtime';
import { CliInputError } from '../cli-input-error';
import { loadDryRunInputs } from '../dry-run-inputs';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { textReport } from '../report/text-report';
import type { Command } from './command';

const OPTIONS = {
  tickets: { type: 'string', short: 't' },
  agents: { type: 'string', short: 'a' },
  json: { type: 'boolean' },
  explain: { type: 'boolean' },
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard dry-run <flow.json ...> --tickets <file> [--agents <file>] [--json] [--explain]

Runs sample tickets through the flows on a virtual clock, the flows together in the
order given, as production runs them. Effects are simulated, nothing is sent.
Exit status: 0 every ticket ran, 1 a ticket ended in an error, 2 bad input.

  -t, --tickets <file>   sample tickets: a JSON array or JSON lines
  -a, --agents <file>    roster { groups, agents } for assignment (default: nobody)
  --json                 one JSON object per ticket per line:
                         { ticketId, path, actions, final, errors, paths }
  --explain              with --json, add each condition's answer and inputs
                         (decisions) and what actions weighed (inputs on actions)
`,
  'zh-CN': `用法：switchyard dry-run <flow.json ...> --tickets <文件> [--agents <文件>] [--json] [--explain]

在虚拟时钟上用样例工单试跑流程；多个流程按给出的顺序一起运行，与生产环境一致。
动作只模拟，不会真正发送。
退出码：0 全部工单正常，1 有工单出错，2 输入有误。

  -t, --tickets <文件>   样例工单：JSON 数组或 JSON Lines
  -a, --agents <文件>    分配用的坐席名册 { groups, agents }（默认为空）
  --json                 每张工单输出一行 JSON：
                         { ticketId, path, actions, final, errors, paths }
  --explain              与 --json 一起用：加上每个条件的结果和依据（decisions）
                         以及动作权衡的内容（actions 中的 inputs）
`,
};

/** Exactly the contract's fields, in its order, plus the `paths` extension (and `decisions` when explained). */
function contractLine(result: DryRunResult): string {
  const { ticketId, path, actions, final, errors, paths, decisions } = result;
  return JSON.stringify({ ticketId, path, actions, final, errors, paths, ...(decisions ? { decisions } : {}) });
}

/** `switchyard dry-run`: the dry-run contract of SCENARIOS.md. */
export const dryRunCommand: Command = {
  name: 'dry-run',
  summary: (locale) => (locale === 'en' ? 'run sample tickets through flows on a virtual clock' : '用样例工单在虚拟时钟上试跑流程'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const m = messages(locale);
    const { values, positionals } = parseCommandArgs('dry-run', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(dryRunCommand.usage(locale));
      return ExitCode.ok;
    }
    const problems = [...(positionals.length ? [] : [m.needFlows('dry-run')]), ...(values.tickets ? [] : [m.needTickets])];
    if (problems.length || !values.tickets) throw new CliInputError(problems);
    const inputs = await loadDryRunInputs(
      io,
      { flows: positionals, tickets: values.tickets, agents: values.agents, config: values.config },
      locale,
    );
    if (inputs.warnings.length) io.stderr(`${inputs.warnings.join('\n')}\n`);
    const results = await dryRun(
      inputs.flows.map((f) => f.compiled),
      inputs.tickets,
      { registry: inputs.registry, roster: inputs.roster, explain: values.explain === true },
    );
    io.stdout(
      values.json ? results.map((r) => `${contractLine(r)}\n`).join('') : textReport(results, inputs, { locale, color: io.color ?? false }),
    );
    return results.some((r) => r.errors.length > 0) ? ExitCode.failed : ExitCode.ok;
  },
};
