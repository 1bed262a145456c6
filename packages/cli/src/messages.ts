import type { Locale } from '@switchyard/flow';

const en = {
  noSuchFile: (file: string) => `${file}: no such file`,
  isDirectory: (file: string) => `${file}: is a directory, expected a file`,
  cannotRead: (file: string, reason: string) => `${file}: cannot read: ${reason}`,
  notJson: (where: string, found: string | undefined) =>
    `${where}: not valid JSON (${found === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(found)}`})`,
  field: (name: string) => `field ${name}`,
  unknownCommand: (name: string) =>
    `unknown command "${name}"; commands: validate, compile, dry-run, publish, rollout, promote, nodes, new-node, schema`,
  badArguments: (reason: string, command: string) => `${reason}\nrun "switchyard ${command} --help" for usage`,
  badLang: (value: string) => `--lang ${value}: expected zh-CN or en`,
  needFlows: (command: string) => `switchyard ${command}: give at least one flow file`,
  compileOneFlow: 'switchyard compile: give exactly one flow file',
  needTickets: 'switchyard dry-run: --tickets <file> is required',
  duplicateFlowId: (id: string, first: string, second: string) =>
    `${second}: flow id ${id} is already used by ${first}; flow ids must differ`,
  badConfig: (reason: string) => `config: ${reason}`,
  notStarted: 'dry-run not started: fix the input above',
  node: 'node',
  edge: 'edge',
  warning: 'warning',
  noRoster: 'warning: no --agents given, so least-loaded assignment picks nobody (pass examples/agents.json or your roster)',
  flowOk: (file: string, nodes: number, edges: number) => `${file}: ok (${nodes} nodes, ${edges} edges)`,
  validateSummary: (valid: number, total: number) => `${valid} of ${total} flows valid`,
  path: 'path',
  actions: 'actions',
  final: 'final',
  errors: 'errors',
  none: '(none)',
  notTriggered: '(not started)',
  summary: 'Summary',
  ticketCounts: (total: number, clean: number, failed: number) => `${total} tickets · ${clean} ran clean · ${failed} with errors`,
  outcomes: 'Outcomes (status / category / group)',
  branches: 'Branches (tickets per port)',
  notReached: 'not reached',
  failedHere: 'error',
  noConditions: '(no condition nodes)',
  errorsHeading: 'Errors',
  internalError: 'internal error (a bug in switchyard, please report it):',
  commonOptions: `  --lang zh-CN|en   language of messages (default: from LANG)
  --config <file>   switchyard.config.ts that registers custom nodes (default: ./switchyard.config.ts)
  -h, --help        show this help`,
};

/** The CLI's own human text; diagnostics come localized from `formatDiagnostic`. */
export type Messages = typeof en;

const zhCN: Messages = {
  noSuchFile: (file) => `${file}：文件不存在`,
  isDirectory: (file) => `${file}：是目录，需要文件`,
  cannotRead: (file, reason) => `${file}：无法读取：${reason}`,
  notJson: (where, found) => `${where}：不是有效的 JSON（${found === undefined ? '文件意外结束' : `意外的 ${JSON.stringify(found)}`}）`,
  field: (name) => `字段 ${name}`,
  unknownCommand: (name) => `未知命令 "${name}"；可用命令：validate、compile、dry-run、publish、rollout、promote、nodes、new-node、schema`,
  badArguments: (reason, command) => `${reason}\n用法见 "switchyard ${command} --help"`,
  badLang: (value) => `--lang ${value}：只支持 zh-CN 或 en`,
  needFlows: (command) => `switchyard ${command}：至少需要一个流程文件`,
  compileOneFlow: 'switchyard compile：只能给一个流程文件',
  needTickets: 'switchyard dry-run：缺少 --tickets <文件>',
  duplicateFlowId: (id, first, second) => `${second}：流程 ID ${id} 已被 ${first} 使用，流程 ID 不能重复`,
  badConfig: (reason) => `配置：${reason}`,
  notStarted: '未运行试跑：请先修正以上输入问题',
  node: '节点',
  edge: '连线',
  warning: '警告',
  noRoster: '警告：未提供 --agents，按负载分配将选不到坐席（可传入 examples/agents.json 或自己的坐席名册）',
  flowOk: (file, nodes, edges) => `${file}：通过（${nodes} 个节点，${edges} 条连线）`,
  validateSummary: (valid, total) => `${total} 个流程中 ${valid} 个通过`,
  path: '路径',
  actions: '动作',
  final: '结果',
  errors: '错误',
  none: '（无）',
  notTriggered: '（未触发）',
  summary: '汇总',
  ticketCounts: (total, clean, failed) => `${total} 张工单 · ${clean} 张正常 · ${failed} 张有错误`,
  outcomes: '结果分布（状态 / 分类 / 组）',
  branches: '分支（各端口的工单数）',
  notReached: '未到达',
  failedHere: '出错',
  noConditions: '（没有条件节点）',
  errorsHeading: '错误',
  internalError: '内部错误（switchyard 的缺陷，请反馈）：',
  commonOptions: `  --lang zh-CN|en   提示信息的语言（默认取 LANG）
  --config <文件>   注册自定义节点的 switchyard.config.ts（默认 ./switchyard.config.ts）
  -h, --help        显示帮助`,
};

/**
 * The CLI's messages in a locale.
 * @example messages('zh-CN').noSuchFile('a.json') // "a.json：文件不存在"
 */
export function messages(locale: Locale): Messages {
  return locale === 'zh-CN' ? zhCN : en;
}
