import type { Locale } from '@switchyard/flow';
import type { GuardrailProblem } from './parse-guardrail';
import type { MigrateProblem } from './parse-migrate';
import type { RampProblem } from './parse-ramp';

const METRICS = 'errorRate, slaBreachRate, escalationRate';

const en = {
  needFlowId: (command: string) => `switchyard ${command}: give the flow id, e.g. switchyard ${command} intake-classify`,
  oneFlowId: (command: string) => `switchyard ${command}: give exactly one flow id`,
  rollbackAlone: (options: readonly string[]) => `--rollback: cannot be combined with ${options.join(', ')}`,
  reasonAlone: '--reason: nothing to change; give --stable, --candidate, --percent, --ramp, --guardrail or --rollback with it',
  badVersion: (option: string, value: string) => `${option} ${value}: expected a version number (1, 2, ...)`,
  badCandidate: (value: string) => `--candidate ${value}: expected a version number (1, 2, ...) or none`,
  badPercent: (value: string) => `--percent ${value}: expected a whole number from 0 to 100`,
  everyWithoutRamp: '--every: only goes with --ramp <steps>',
  migrateAlone: (options: readonly string[]) => `--migrate: cannot be combined with ${options.join(', ')}`,
  migrateProblem: (problem: MigrateProblem, value: string) =>
    problem === 'same'
      ? `--migrate ${value}: the two versions must differ`
      : `--migrate ${value}: expected <from>:<to> version numbers, e.g. --migrate 4:3`,
  migrated: (flowId: string, count: number, from: number, to: number) =>
    count === 0
      ? `flow ${flowId}: no open tickets on v${from}; nothing moved`
      : `flow ${flowId}: ${count} open ticket(s) moved from v${from} to v${to}`,
  migrateRefused: (count: number, to: number) =>
    `nothing was migrated: ${count} ticket(s) rest in a node v${to} does not have (or has as another type):`,
  rampProblem: (problem: RampProblem, steps: string, every: string | undefined): string => {
    const texts: Record<RampProblem['code'], string> = {
      steps: `--ramp ${steps}: expected rising whole percentages separated by commas, e.g. 10,25,50,100 (or none)`,
      stepRange: `--ramp ${steps}: each step is a percentage from 1 to 100`,
      rise: `--ramp ${steps}: steps must rise, e.g. 10,25,50,100`,
      tooMany: `--ramp ${steps}: at most 20 steps`,
      needEvery: '--every: give the wait between ramp steps, e.g. --every 1h',
      everyWithNone: '--every: drop it when stopping the ramp with --ramp none',
      duration: `--every ${every ?? ''}: expected a duration from 1s to a year, e.g. 30m, 1h, 1d`,
    };
    return texts[problem.code];
  },
  guardrailProblem: (problem: GuardrailProblem, text: string): string => {
    switch (problem.code) {
      case 'syntax':
        return `--guardrail ${text}: expected <metric>><percent> or <metric>>+<points>, optionally @<min tickets>, e.g. errorRate>2 or slaBreachRate>+5@200`;
      case 'metric':
        return `--guardrail ${text}: unknown metric "${problem.metric}"; expected ${METRICS}`;
      case 'over100':
        return `--guardrail ${text}: ${problem.value} is over 100 (rates are percentages)`;
      case 'minTickets':
        return `--guardrail ${text}: the minimum number of tickets is at least 1`;
    }
  },
  notDeployedNeedStable: (flowId: string) => `--stable: flow ${flowId} is not deployed yet; give --stable <version> to deploy it`,
  percentWithoutCandidate: '--percent: the rollout has no candidate; give --candidate <version> too',
  notDeployed: (flowId: string) =>
    `flow ${flowId} is not deployed (or does not exist); deploy it with: switchyard rollout ${flowId} --stable <version>`,
  refused: (status: number, error: string) => `the server refused it (${status}): ${error}`,
  conflict: (revision: number) =>
    `someone changed this rollout meanwhile (now revision ${revision}); nothing was changed: reload, look at it again, and decide anew. This is it now:`,
  conflictGone: 'the flow is not deployed any more.',
  badRevision: (value: string) => `--revision ${value}: expected the rollout's revision as \`switchyard rollout\` shows it (0, 1, 2, ...)`,
  revisionShown: (revision: number) => ` (revision ${revision})`,
  // The report
  split: (stable: number, candidate: number | null, percent: number) =>
    candidate === null ? `stable v${stable}, no candidate` : `stable v${stable} · candidate v${candidate} at ${percent}%`,
  flowHeading: (flowId: string) => `Flow ${flowId}`,
  ramp: 'Ramp',
  rampNone: 'none',
  rampPlan: (steps: string, every: string) => `${steps} every ${every}`,
  rampAt: (step: number, total: number) => `step ${step} of ${total}`,
  rampNext: (at: string) => `next at ${at}`,
  rampDone: 'done or stopped',
  guardrails: 'Guardrails',
  guardrailsNone: 'none',
  tripped: (what: string, at: string) => `GUARDRAIL TRIPPED at ${at}: ${what}; the candidate was rolled back to 0%`,
  trippedRates: (rule: string, candidate: string, stable: string | null, tickets: number) =>
    `${rule} saw ${candidate}${stable === null ? '' : ` (stable ${stable})`} over ${tickets} tickets`,
  history: 'History (newest first)',
  noHistory: '(no changes yet)',
  versions: 'Versions',
  comparison: (candidate: number, stable: number) => `Candidate v${candidate} against stable v${stable} (difference with its 95% interval)`,
  noComparison: 'No comparison: the rollout has no candidate.',
  metricsUnavailable: (reason: string) => `Metrics unavailable: ${reason}`,
  columns: {
    version: 'version',
    role: 'role',
    tickets: 'tickets',
    completed: 'completed',
    errors: 'errors',
    slaBreaches: 'SLA breaches',
    escalations: 'escalations',
    firstResponse: 'first response',
    resolution: 'resolution',
    csat: 'CSAT',
    metric: 'metric',
    stable: 'stable',
    candidate: 'candidate',
    difference: 'difference',
    interval: '95% interval',
    p: 'p',
    verdict: 'verdict',
  },
  verdict: { better: 'better', worse: 'worse', notYet: 'not significant yet' },
  promoted: (flowId: string, stable: number) => `flow ${flowId}: v${stable} is now stable for every new ticket`,
  rolledBack: (flowId: string, stable: number) => `flow ${flowId}: candidate rolled back to 0%; every new ticket gets stable v${stable}`,
};

/** The rollout commands' text; the shape `en` has, in each language. */
export type RolloutMessages = typeof en;

const zhCN: RolloutMessages = {
  needFlowId: (command) => `switchyard ${command}：请给出流程 ID，例如 switchyard ${command} intake-classify`,
  oneFlowId: (command) => `switchyard ${command}：只能给一个流程 ID`,
  rollbackAlone: (options) => `--rollback：不能与 ${options.join('、')} 同时使用`,
  reasonAlone: '--reason：没有要修改的内容；请同时给出 --stable、--candidate、--percent、--ramp、--guardrail 或 --rollback',
  badVersion: (option, value) => `${option} ${value}：应为版本号（1、2……）`,
  badCandidate: (value) => `--candidate ${value}：应为版本号（1、2……）或 none`,
  badPercent: (value) => `--percent ${value}：应为 0 到 100 的整数`,
  everyWithoutRamp: '--every：只能与 --ramp <步骤> 一起使用',
  migrateAlone: (options) => `--migrate：不能与 ${options.join('、')} 同时使用`,
  migrateProblem: (problem, value) =>
    problem === 'same' ? `--migrate ${value}：两个版本不能相同` : `--migrate ${value}：格式应为 <原版本>:<目标版本>，例如 --migrate 4:3`,
  migrated: (flowId, count, from, to) =>
    count === 0
      ? `流程 ${flowId}：v${from} 上没有进行中的工单，未迁移任何工单`
      : `流程 ${flowId}：已将 ${count} 张进行中的工单从 v${from} 迁移到 v${to}`,
  migrateRefused: (count, to) => `未迁移任何工单：${count} 张工单停在 v${to} 没有（或类型不同）的节点上：`,
  rampProblem: (problem, steps, every) => {
    const texts: Record<RampProblem['code'], string> = {
      steps: `--ramp ${steps}：应为逗号分隔、逐步上升的整数百分比，例如 10,25,50,100（或 none）`,
      stepRange: `--ramp ${steps}：每一步应为 1 到 100 的百分比`,
      rise: `--ramp ${steps}：步骤必须逐步上升，例如 10,25,50,100`,
      tooMany: `--ramp ${steps}：最多 20 步`,
      needEvery: '--every：请给出每步之间的等待时间，例如 --every 1h',
      everyWithNone: '--every：用 --ramp none 停止放量时请不要给出 --every',
      duration: `--every ${every ?? ''}：应为 1 秒到 1 年之间的时长，例如 30m、1h、1d`,
    };
    return texts[problem.code];
  },
  guardrailProblem: (problem, text) => {
    switch (problem.code) {
      case 'syntax':
        return `--guardrail ${text}：格式应为 <指标>><百分比> 或 <指标>>+<百分点>，可加 @<最少工单数>，例如 errorRate>2 或 slaBreachRate>+5@200`;
      case 'metric':
        return `--guardrail ${text}：未知指标 "${problem.metric}"；可用：${METRICS}`;
      case 'over100':
        return `--guardrail ${text}：${problem.value} 超过 100（比率以百分比计）`;
      case 'minTickets':
        return `--guardrail ${text}：最少工单数至少为 1`;
    }
  },
  notDeployedNeedStable: (flowId) => `--stable：流程 ${flowId} 尚未部署；请用 --stable <版本> 部署`,
  percentWithoutCandidate: '--percent：当前没有候选版本；请同时给出 --candidate <版本>',
  notDeployed: (flowId) => `流程 ${flowId} 尚未部署（或不存在）；部署方法：switchyard rollout ${flowId} --stable <版本>`,
  refused: (status, error) => `服务器拒绝（${status}）：${error}`,
  conflict: (revision) => `此期间他人更改了灰度发布（当前为修订 ${revision}），本次未做任何更改：请重新读取、查看后再决定。当前状态：`,
  conflictGone: '该流程已不再部署。',
  badRevision: (value) => `--revision ${value}：应为 \`switchyard rollout\` 显示的灰度发布修订号（0、1、2……）`,
  revisionShown: (revision) => `（修订 ${revision}）`,
  split: (stable, candidate, percent) =>
    candidate === null ? `稳定版 v${stable}，无候选版` : `稳定版 v${stable} · 候选版 v${candidate} 占 ${percent}%`,
  flowHeading: (flowId) => `流程 ${flowId}`,
  ramp: '放量计划',
  rampNone: '无',
  rampPlan: (steps, every) => `${steps}，每 ${every} 一步`,
  rampAt: (step, total) => `第 ${step} / ${total} 步`,
  rampNext: (at) => `下一步于 ${at}`,
  rampDone: '已完成或已停止',
  guardrails: '护栏',
  guardrailsNone: '无',
  tripped: (what, at) => `护栏已触发（${at}）：${what}；候选版已回滚到 0%`,
  trippedRates: (rule, candidate, stable, tickets) =>
    `${rule} 在 ${tickets} 张工单上为 ${candidate}${stable === null ? '' : `（稳定版 ${stable}）`}`,
  history: '变更记录（最新在前）',
  noHistory: '（尚无变更）',
  versions: '各版本',
  comparison: (candidate, stable) => `候选版 v${candidate} 对比稳定版 v${stable}（差值及其 95% 区间）`,
  noComparison: '无对比：当前没有候选版本。',
  metricsUnavailable: (reason) => `无法获取指标：${reason}`,
  columns: {
    version: '版本',
    role: '角色',
    tickets: '工单',
    completed: '已完成',
    errors: '错误',
    slaBreaches: 'SLA 超时',
    escalations: '升级',
    firstResponse: '首次响应',
    resolution: '解决时长',
    csat: '满意度',
    metric: '指标',
    stable: '稳定版',
    candidate: '候选版',
    difference: '差值',
    interval: '95% 区间',
    p: 'p 值',
    verdict: '结论',
  },
  verdict: { better: '更好', worse: '更差', notYet: '尚不显著' },
  promoted: (flowId, stable) => `流程 ${flowId}：v${stable} 已成为所有新工单的稳定版`,
  rolledBack: (flowId, stable) => `流程 ${flowId}：候选版已回滚到 0%；所有新工单使用稳定版 v${stable}`,
};

/**
 * The rollout commands' messages in a locale.
 * @example rolloutMessages('en').badPercent('120') // "--percent 120: expected a whole number from 0 to 100"
 */
export function rolloutMessages(locale: Locale): RolloutMessages {
  return locale === 'zh-CN' ? zhCN : en;
}
