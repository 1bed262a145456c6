import { ApiError, type Rollout } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { migrateRefusalText } from '../rollout/migrate-report';
import { flowIdOf, refusalText, revisionOption } from '../rollout/rollout-connection';
import { rolloutMessages } from '../rollout/rollout-messages';
import { rolloutPlan, rolloutRequest } from '../rollout/rollout-plan';
import { renderMetrics, renderRollout } from '../rollout/rollout-report';
import { connect, serverRefusal } from '../server-api';
import type { Command } from './command';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  stable: { type: 'string' },
  candidate: { type: 'string' },
  percent: { type: 'string' },
  ramp: { type: 'string' },
  every: { type: 'string' },
  guardrail: { type: 'string', multiple: true },
  reason: { type: 'string' },
  rollback: { type: 'boolean' },
  migrate: { type: 'string' },
  revision: { type: 'string' },
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard rollout <flowId> [--stable N] [--candidate M|none] [--percent P]
         [--ramp 10,25,50,100 --every 1h | --ramp none] [--guardrail <rule> ...] [--reason TEXT]
         --server <url> [--token <token>] [--json]
       switchyard rollout <flowId> --rollback [--reason TEXT] --server <url>
       switchyard rollout <flowId> --migrate <from>:<to> [--reason TEXT] --server <url>

Without change options, prints the flow's rollout: stable and candidate versions, the
candidate's share, the ramp, the guardrails, the last changes, and each version's numbers
with the candidate compared to stable (difference, 95% interval, verdict).
With them, changes the rollout: what is not given stays as it is (the current stable and
candidate are read first). A flow that is not deployed yet needs --stable.
Exit status: 0 done, 1 the server refused it (or the flow is not deployed), 2 bad input.

  --stable <N>           version every ticket gets unless it is in the candidate's share
  --candidate <M|none>   the version to try on a share of new tickets (sticky per ticket); none drops it
  --percent <P>          the candidate's share of new tickets, 0-100
  --ramp <steps>         shares to move through by themselves, rising, e.g. 10,25,50,100; none stops it
  --every <duration>     wait between ramp steps: 30m, 1h, 1d
  --guardrail <rule>     roll the candidate back to 0% when a rate goes wrong (repeat for several;
                         "none" clears them). Rules (rates in percent of the tickets bound):
                           errorRate>2            the candidate's error rate is above 2%
                           slaBreachRate>+5@200   its SLA breach rate is worse than stable's by more
                                                  than 5 points, once it has at least 200 tickets
                         metrics: errorRate, slaBreachRate, escalationRate; @<min tickets> defaults to 50
  --reason <text>        why, for the history
  --revision <N>         the rollout's revision the change was decided on, as shown after the split
                         (default: the one read just before); if someone changed the rollout since,
                         nothing changes, the rollout now is shown, and the exit status is 1
  --rollback             candidate back to 0% and the ramp stopped
  --migrate <from>:<to>  move the open tickets of version <from> to version <to>: each goes on from
                         the same node there. All or nothing: when a ticket rests in a node <to>
                         lacks (or has as another type), nothing moves, each such ticket is listed,
                         and the exit status is 1
  --server <url>         the server (default: SWITCHYARD_SERVER)
  --token <token>        bearer token (default: SWITCHYARD_TOKEN)
  --json                 print the answer as JSON ({ rollout, metrics } without change options)
`,
  'zh-CN': `用法：switchyard rollout <流程ID> [--stable N] [--candidate M|none] [--percent P]
         [--ramp 10,25,50,100 --every 1h | --ramp none] [--guardrail <规则> ...] [--reason 说明]
         --server <url> [--token <令牌>] [--json]
      switchyard rollout <流程ID> --rollback [--reason 说明] --server <url>
      switchyard rollout <流程ID> --migrate <原版本>:<目标版本> [--reason 说明] --server <url>

不带修改选项时，显示流程的灰度发布：稳定版和候选版、候选版占比、放量计划、护栏、最近的变更，
以及各版本的指标和候选版相对稳定版的对比（差值、95% 区间、结论）。
带修改选项时修改灰度发布：未给出的部分保持不变（先读取当前的稳定版和候选版）。尚未部署的流程需要 --stable。
退出码：0 完成，1 服务器拒绝（或流程未部署），2 输入有误。

  --stable <N>           不在候选版占比内的工单使用的版本
  --candidate <M|none>   在部分新工单上试用的版本（同一工单始终落在同一边）；none 表示去掉候选版
  --percent <P>          候选版占新工单的百分比，0-100
  --ramp <步骤>          自动逐步放量的占比，须上升，例如 10,25,50,100；none 表示停止
  --every <时长>         每步之间的等待：30m、1h、1d
  --guardrail <规则>     指标异常时把候选版回滚到 0%（可重复给出多条；"none" 表示清空）。
                         规则（比率为所绑定工单的百分比）：
                           errorRate>2            候选版错误率高于 2%
                           slaBreachRate>+5@200   候选版 SLA 超时率比稳定版高出 5 个百分点以上，
                                                  且候选版已有至少 200 张工单
                         指标：errorRate、slaBreachRate、escalationRate；@<最少工单数> 默认 50
  --reason <说明>        原因，记入变更记录
  --revision <N>         本次修改所依据的灰度发布修订号，即占比后显示的修订号（默认：修改前刚读取的修订号）；
                         若此后他人更改了灰度发布，则不做任何更改，显示当前状态，退出码为 1
  --rollback             候选版回到 0%，并停止放量
  --migrate <原>:<目标>  把原版本上进行中的工单迁移到目标版本，从同一节点继续运行。要么全部迁移，
                         要么都不迁移：若有工单停在目标版本没有（或类型不同）的节点上，不迁移任何工单，
                         列出这些工单，退出码为 1
  --server <url>         服务器地址（默认：SWITCHYARD_SERVER）
  --token <令牌>          Bearer 令牌（默认：SWITCHYARD_TOKEN）
  --json                 以 JSON 输出结果（不带修改选项时为 { rollout, metrics }）
`,
};

/** `switchyard rollout`: shows or changes which versions new tickets of a flow get. */
export const rolloutCommand: Command = {
  name: 'rollout',
  summary: (locale) =>
    locale === 'en'
      ? "show or change a flow's rollout: candidate share, ramp, guardrails, rollback, migrating open tickets"
      : '查看或修改流程的灰度发布：候选版占比、放量、护栏、回滚、迁移进行中的工单',
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('rollout', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(rolloutCommand.usage(locale));
      return ExitCode.ok;
    }
    const flowId = flowIdOf('rollout', positionals, locale);
    // Every option is checked before the first request: bad input sends nothing.
    const plan = rolloutPlan(values, locale);
    const pinned = revisionOption(values.revision, locale);
    const { api, server } = connect('rollout', values, io, locale);
    const m = rolloutMessages(locale);
    const print = (rollout: Rollout, headline?: string) => {
      if (values.json) io.stdout(`${JSON.stringify(rollout, null, 2)}\n`);
      else io.stdout(`${headline ? `${headline}\n\n` : ''}${renderRollout(rollout, locale)}`);
    };
    try {
      // Every change names the deployment revision it was decided on (--revision, else the one
      // read here): if someone changed the rollout since, the server refuses it (409).
      const current = await api.getRollout(flowId);
      const revision = pinned ?? current?.revision ?? 0;
      if (!current && plan.kind !== 'change') {
        io.stderr(`${m.notDeployed(flowId)}\n`);
        return ExitCode.failed;
      }
      if (plan.kind === 'show' && current) {
        const metrics = await api.metrics(flowId).catch((error: unknown) => serverRefusal(error, server, locale));
        if (values.json)
          io.stdout(`${JSON.stringify({ rollout: current, metrics: metrics instanceof ApiError ? null : metrics }, null, 2)}\n`);
        else
          io.stdout(
            `${renderRollout(current, locale)}\n${metrics instanceof ApiError ? `${m.metricsUnavailable(metrics.message)}\n` : renderMetrics(metrics, locale)}`,
          );
        return ExitCode.ok;
      }
      if (plan.kind === 'migrate') {
        const { from, to } = plan.versions;
        try {
          const moved = await api.migrateTickets(flowId, {
            from,
            to,
            revision,
            ...(plan.reason === undefined ? {} : { reason: plan.reason }),
          });
          io.stdout(values.json ? `${JSON.stringify(moved, null, 2)}\n` : `${m.migrated(flowId, moved.migrated, from, to)}\n`);
          return ExitCode.ok;
        } catch (error) {
          const tickets = error instanceof ApiError && error.status === 409 ? error.refusedTickets() : [];
          if (tickets.length === 0) throw error;
          io.stderr(migrateRefusalText(tickets, to, locale));
          return ExitCode.failed;
        }
      }
      if (plan.kind === 'rollback') {
        const rollout = await api.rollback(flowId, { revision, ...(plan.reason === undefined ? {} : { reason: plan.reason }) });
        print(rollout, m.rolledBack(flowId, rollout.stable));
        return ExitCode.ok;
      }
      if (plan.kind === 'change') {
        print(await api.putRollout(flowId, { ...rolloutRequest(current ?? undefined, plan.change, flowId, locale), revision }));
      }
      return ExitCode.ok;
    } catch (error) {
      io.stderr(refusalText(serverRefusal(error, server, locale), locale));
      return ExitCode.failed;
    }
  },
};
