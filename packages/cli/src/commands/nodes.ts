import { type Locale, NodeKind } from '@switchyard/flow';
import { type CatalogEntry, describeNodes } from '@switchyard/nodes';
import { ExitCode } from '../exit-code';
import { loadProjectRegistry } from '../load-project-registry';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import type { Command } from './command';

const OPTIONS = { json: { type: 'boolean' } } as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard nodes [--json]

Lists the node types a flow can use: the built-ins and those of switchyard.config.ts,
grouped by kind, with their ports.
  --json            print the catalog: [{ type, version, kind, title, ports, configSchema, ... }]

`,
  'zh-CN': `用法：switchyard nodes [--json]

列出流程可用的节点类型（内置节点及 switchyard.config.ts 中的节点），按种类分组，附端口。
  --json            输出节点目录：[{ type, version, kind, title, ports, configSchema, ... }]

`,
};

const KIND_TITLES: Record<Locale, Record<CatalogEntry['kind'], string>> = {
  en: { trigger: 'Triggers', condition: 'Conditions', wait: 'Waits', action: 'Actions', end: 'End' },
  'zh-CN': { trigger: '触发器', condition: '条件', wait: '等待', action: '动作', end: '结束' },
};

/** Renders the catalog for people: one block per kind, one line per node type. */
export function renderCatalog(catalog: readonly CatalogEntry[], locale: Locale): string {
  const width = Math.max(...catalog.map((n) => n.type.length));
  const blocks = NodeKind.options.flatMap((kind) => {
    const nodes = catalog.filter((n) => n.kind === kind);
    if (nodes.length === 0) return [];
    const lines = nodes.map((n) => {
      const ports = n.ports.length ? `  [${n.ports.join(' | ')}]` : '';
      const effect = n.sideEffect ? (locale === 'en' ? '  (calls out)' : '  （外部调用）') : '';
      return `  ${n.type.padEnd(width)}  ${n.title[locale]}${ports}${effect}`;
    });
    return [`${KIND_TITLES[locale][kind]}\n${lines.join('\n')}`];
  });
  return `${blocks.join('\n\n')}\n`;
}

/** `switchyard nodes`: the node catalog of this project. */
export const nodesCommand: Command = {
  name: 'nodes',
  summary: (locale) => (locale === 'en' ? 'list the node types flows can use' : '列出流程可用的节点类型'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values } = parseCommandArgs('nodes', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(nodesCommand.usage(locale));
      return ExitCode.ok;
    }
    const registry = await loadProjectRegistry(io, values.config, locale);
    const catalog = describeNodes(registry.list());
    io.stdout(values.json ? `${JSON.stringify(catalog, null, 2)}\n` : renderCatalog(catalog, locale));
    return ExitCode.ok;
  },
};
