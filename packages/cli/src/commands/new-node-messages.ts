import type { Locale } from '@switchyard/flow';

const en = {
  summary: 'scaffold a custom node package with a test',
  usage: `Usage: switchyard new-node <vendor.action> [--dir <folder>] [--package <name>]

Creates a node package: package.json, src/index.ts, src/<name>.ts (a working action that
POSTs to a service with an API key secret, a timeout and the idempotency key, with a
dry-run stand-in), src/<name>.test.ts (against a local HTTP server) and README.md.
  --dir <folder>     where to create it (default: custom-nodes/<name>)
  --package <name>   the npm package name (default: switchyard-node-<name>)
`,
  needType: 'switchyard new-node: give the node type, e.g. acme.refund',
  badType: (type: string) =>
    `node type "${type}": use lower-case snake_case parts joined by dots, vendor first (acme.refund, erp.order_lookup)`,
  builtinType: (type: string) => `node type "${type}" is a built-in node's name; custom nodes are namespaced (acme.${type})`,
  exists: (dir: string) => `${dir}: already exists; choose another --dir or remove it`,
  badPackage: (name: string) => `--package ${name}: not a valid npm package name`,
  created: (dir: string, files: readonly string[]) => `created ${dir}:\n${files.map((f) => `  ${f}`).join('\n')}\n`,
  next: (dir: string, exportName: string, pkg: string) => `
Next:
  1. pnpm vitest run ${dir}            # the generated test passes as is
  2. add "${pkg}": "workspace:*" to the root package.json (its folder must be in pnpm-workspace.yaml), pnpm install
  3. switchyard.config.ts: import { ${exportName} } from '${pkg}'; defineConfig({ nodes: [..., ${exportName}] })
  4. set its secret, restart the server: the palette shows it. Guide: docs/custom-nodes.md
`,
};

type NewNodeMessages = typeof en;

const zhCN: NewNodeMessages = {
  summary: '生成带测试的自定义节点包',
  usage: `用法：switchyard new-node <厂商.动作> [--dir <目录>] [--package <包名>]

生成一个节点包：package.json、src/index.ts、src/<名称>.ts（可直接运行的动作：带 API 密钥、
超时和幂等键向服务发送 POST，并提供试跑替身）、src/<名称>.test.ts（针对本地 HTTP 服务的测试）和 README.md。
  --dir <目录>       生成位置（默认 custom-nodes/<名称>）
  --package <包名>   npm 包名（默认 switchyard-node-<名称>）
`,
  needType: 'switchyard new-node：请给出节点类型，例如 acme.refund',
  badType: (type) => `节点类型 "${type}"：请用小写 snake_case，以点分隔，厂商在前（acme.refund、erp.order_lookup）`,
  builtinType: (type) => `节点类型 "${type}" 是内置节点的名称；自定义节点需带命名空间（acme.${type}）`,
  exists: (dir) => `${dir}：已存在；请换一个 --dir 或先删除它`,
  badPackage: (name) => `--package ${name}：不是有效的 npm 包名`,
  created: (dir, files) => `已生成 ${dir}：\n${files.map((f) => `  ${f}`).join('\n')}\n`,
  next: (dir, exportName, pkg) => `
下一步：
  1. pnpm vitest run ${dir}            # 生成的测试可直接通过
  2. 在根 package.json 中加入 "${pkg}": "workspace:*"（其目录须在 pnpm-workspace.yaml 中），执行 pnpm install
  3. switchyard.config.ts：import { ${exportName} } from '${pkg}'; defineConfig({ nodes: [..., ${exportName}] })
  4. 设置其密钥并重启服务器：节点面板即会显示。指南：docs/custom-nodes.md
`,
};

/** The `new-node` command's human text. */
export function newNodeMessages(locale: Locale): NewNodeMessages {
  return locale === 'zh-CN' ? zhCN : en;
}
