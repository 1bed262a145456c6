import type { Locale } from '@switchyard/flow';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { flowIdOf, refusalText, revisionOption } from '../rollout/rollout-connection';
import { rolloutMessages } from '../rollout/rollout-messages';
import { renderRollout } from '../rollout/rollout-report';
import { connect, serverRefusal } from '../server-api';
import type { Command } from './command';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  reason: { type: 'string' },
  revision: { type: 'string' },
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard promote <flowId> [--reason TEXT] [--revision N] --server <url> [--token <token>] [--json]

Makes the flow's candidate the stable version for every new ticket (its ramp ends).
Tickets already running keep the version they started on.
Exit status: 0 promoted, 1 the server refused it (no candidate, flow not deployed), 2 bad input.

  --reason <text>   why, for the history
  --revision <N>    the rollout's revision you decided on (\`switchyard rollout\` shows it; default:
                    the one read just before); if someone changed the rollout since, nothing is
                    promoted, the rollout now is shown, and the exit status is 1
  --server <url>    the server (default: SWITCHYARD_SERVER)
  --token <token>   bearer token (default: SWITCHYARD_TOKEN)
  --json            print the rollout as JSON
`,
  'zh-CN': `用法：switchyard promote <流程ID> [--reason 说明] [--revision N] --server <url> [--token <令牌>] [--json]

把流程的候选版设为所有新工单的稳定版（放量计划结束）。已在运行的工单继续使用原来的版本。
退出码：0 完成，1 服务器拒绝（没有候选版、流程未部署），2 输入有误。

  --reason <说明>   原因，记入变更记录
  --revision <N>    你所依据的灰度发布修订号（\`switchyard rollout\` 会显示；默认：提升前刚读取的修订号）；
                    若此后他人更改了灰度发布，则不提升，显示当前状态，退出码为 1
  --server <url>    服务器地址（默认：SWITCHYARD_SERVER）
  --token <令牌>     Bearer 令牌（默认：SWITCHYARD_TOKEN）
  --json            以 JSON 输出灰度发布状态
`,
};

/** `switchyard promote`: the candidate becomes stable. */
export const promoteCommand: Command = {
  name: 'promote',
  summary: (locale) => (locale === 'en' ? "make a flow's candidate version the stable one" : '把流程的候选版设为稳定版'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('promote', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(promoteCommand.usage(locale));
      return ExitCode.ok;
    }
    const flowId = flowIdOf('promote', positionals, locale);
    const pinned = revisionOption(values.revision, locale);
    const { api, server } = connect('promote', values, io, locale);
    try {
      // Promote what was read: if a guardrail or a person changed the rollout since, the server refuses (409).
      const current = await api.getRollout(flowId);
      if (!current) {
        io.stderr(`${rolloutMessages(locale).notDeployed(flowId)}\n`);
        return ExitCode.failed;
      }
      const rollout = await api.promote(flowId, {
        revision: pinned ?? current.revision,
        ...(values.reason === undefined ? {} : { reason: values.reason }),
      });
      if (values.json) io.stdout(`${JSON.stringify(rollout, null, 2)}\n`);
      else io.stdout(`${rolloutMessages(locale).promoted(flowId, rollout.stable)}\n\n${renderRollout(rollout, locale)}`);
      return ExitCode.ok;
    } catch (error) {
      io.stderr(refusalText(serverRefusal(error, server, locale), locale));
      return ExitCode.failed;
    }
  },
};
