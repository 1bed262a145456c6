import type { Backtest, DifferenceKind, ReplayError } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';

const KIND_NAMES: Record<DifferenceKind, Record<Locale, string>> = {
  assignment: { en: 'assignment', 'zh-CN': '分配' },
  category: { en: 'category', 'zh-CN': '分类' },
  priority: { en: 'priority', 'zh-CN': '优先级' },
  status: { en: 'status', 'zh-CN': '状态' },
  tags: { en: 'tags or flags', 'zh-CN': '标签或标记' },
  escalation_added: { en: 'escalations added', 'zh-CN': '新增升级' },
  escalation_removed: { en: 'escalations removed', 'zh-CN': '减少升级' },
  sla_breach_caused: { en: 'SLA breaches caused', 'zh-CN': '导致 SLA 超时' },
  sla_breach_avoided: { en: 'SLA breaches avoided', 'zh-CN': '避免 SLA 超时' },
  replies: { en: 'replies sent', 'zh-CN': '发送的回复' },
  effects: { en: 'other effects', 'zh-CN': '其他外部动作' },
};

/** The backtest command's words in both languages. */
export function backtestMessages(locale: Locale) {
  const en = locale === 'en';
  return {
    summary: en
      ? 'replay recorded tickets through a draft or version and report what would change'
      : '用历史工单回放草稿或版本，报告结果会有哪些变化',
    usage: en
      ? `Usage: switchyard backtest <flowId> [--draft file.json | --version N] --from <time> --to <time>
         [--limit N] --server <url> [--token <token>] [--json]

Replays the tickets created between --from and --to, as they happened, through the draft
(the server's, or --draft file.json) or version N, beside the versions they really ran, and
lists the tickets whose outcome would change, by kind. Nothing leaves the server.
Exit status: 0 done, 1 a replay of a ticket's own versions disagreed with its history
(a replay error) or the job did not finish, 2 bad input.
`
      : `用法：switchyard backtest <流程ID> [--draft 文件.json | --version N] --from <时间> --to <时间>
         [--limit N] --server <url> [--token <令牌>] [--json]

把 --from 与 --to 之间创建的工单按当时的经过，分别用草稿（服务器上的，或 --draft 文件）或版本 N
以及它们实际运行的版本回放，按类别列出结果会变化的工单。不会有任何动作发出服务器。
退出码：0 完成，1 工单按原版本回放与历史不符（回放错误）或任务未完成，2 输入有误。
`,
    needFlow: en
      ? 'switchyard backtest: name the flow: switchyard backtest <flowId> --from ... --to ...'
      : 'switchyard backtest：请给出流程 ID',
    draftOrVersion: en
      ? 'switchyard backtest: give --draft or --version, not both'
      : 'switchyard backtest：--draft 与 --version 只能给一个',
    needTime: (option: string) =>
      en
        ? `switchyard backtest: ${option} needs a time, e.g. 2026-05-01T00:00:00+08:00`
        : `switchyard backtest：${option} 需要时间，例如 2026-05-01T00:00:00+08:00`,
    needPositive: (option: string, value: string) =>
      en
        ? `switchyard backtest: ${option} must be a whole number from 1, not "${value}"`
        : `switchyard backtest：${option} 应为不小于 1 的整数，而不是 "${value}"`,
    badDraft: (file: string, path: string) =>
      en ? `${file}: not a flow document (field ${path})` : `${file}：不是流程文档（字段 ${path}）`,
  };
}

/** The readable report: the summary, the differences by kind with their tickets, the replay errors. */
export function renderBacktest(job: Backtest, locale: Locale): string {
  const en = locale === 'en';
  const lines = [
    en
      ? `Backtest ${job.id} of ${job.flowId} (${job.version === null ? 'draft' : `version ${job.version}`}): ${job.status}`
      : `流程 ${job.flowId} 的回测 ${job.id}（${job.version === null ? '草稿' : `版本 ${job.version}`}）：${job.status}`,
    en
      ? `  ${job.done} of ${job.total} tickets replayed, ${job.differing} differ, ${job.replayErrors} replay errors${job.roster === 'today' ? " (some assignments used today's roster)" : ''}`
      : `  已回放 ${job.done}/${job.total} 张工单，${job.differing} 张结果不同，${job.replayErrors} 个回放错误${job.roster === 'today' ? '（部分分配使用了当前的排班）' : ''}`,
  ];
  const number = new Map(job.differences.map((d) => [d.ticketId, d.number]));
  for (const { kind, tickets } of job.byKind) {
    lines.push(`  ${KIND_NAMES[kind][locale]}: ${tickets.length}  ${tickets.map((t) => number.get(t) ?? t).join(' ')}`);
  }
  for (const d of job.differences) {
    if (d.replayError)
      lines.push(`  ${en ? 'replay error' : '回放错误'} ${d.number}${en ? ': ' : '：'}${replayErrorText(d.replayError, locale)}`);
  }
  if (job.error) lines.push(`  ${job.error}`);
  return `${lines.join('\n')}\n`;
}

/** Where a replay first disagreed with production, in words. */
export function replayErrorText(error: ReplayError, locale: Locale): string {
  const where = `${error.field}${error.flow ? ` (${error.flow}${error.index === undefined ? '' : ` #${error.index + 1}`})` : ''}`;
  return locale === 'en'
    ? `${where}: production ${JSON.stringify(error.production)}, replay ${JSON.stringify(error.replay)}`
    : `${where}：生产 ${JSON.stringify(error.production)}，回放 ${JSON.stringify(error.replay)}`;
}
