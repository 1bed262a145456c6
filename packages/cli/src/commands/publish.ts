import type { ApiClient } from '@switchyard/api';
import type { FlowDocument, Locale } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { diagnosticLine } from '../diagnostic-line';
import { ExitCode } from '../exit-code';
import { loadFlowFiles } from '../load-flow-files';
import { loadProjectRegistry } from '../load-project-registry';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { connect, serverRefusal } from '../server-api';
import type { Command } from './command';

const OPTIONS = { server: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } } as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard publish <flow.json ...> --server <url> [--token <token>] [--json]

Publishes flow files to a Switchyard server: each flow is created (or its draft replaced)
and published as a new immutable version. Every file is validated here first; if any is
invalid nothing is sent.
Exit status: 0 all published, 1 a flow is invalid or the server refused it, 2 bad input
(a missing file, an unreachable server, a refused token).

  --server <url>    the server (default: SWITCHYARD_SERVER)
  --token <token>   bearer token (default: SWITCHYARD_TOKEN)
  --json            print [{ file, flowId, version }]
`,
  'zh-CN': `用法：switchyard publish <flow.json ...> --server <url> [--token <令牌>] [--json]

把流程文件发布到 Switchyard 服务器：创建流程（或替换其草稿），并发布为新的不可变版本。
发送前先在本地校验全部文件；有任何无效文件时不发送任何内容。
退出码：0 全部发布，1 有流程无效或被服务器拒绝，2 输入有误（文件不存在、服务器无法连接、令牌被拒绝）。

  --server <url>    服务器地址（默认：SWITCHYARD_SERVER）
  --token <令牌>     Bearer 令牌（默认：SWITCHYARD_TOKEN）
  --json            输出 [{ file, flowId, version }]
`,
};

/** `switchyard publish`: flow files become published versions on a server. */
export const publishCommand: Command = {
  name: 'publish',
  summary: (locale) => (locale === 'en' ? 'publish flow files to a server as new versions' : '把流程文件发布到服务器，生成新版本'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('publish', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(publishCommand.usage(locale));
      return ExitCode.ok;
    }
    if (positionals.length === 0) throw new CliInputError(messages(locale).needFlows('publish'));
    const { api, server } = connect('publish', values, io, locale);
    const registry = await loadProjectRegistry(io, values.config, locale);
    const flows = await loadFlowFiles(io, positionals, registry, locale);
    const invalid = flows.filter((f) => !f.validation.ok);
    if (invalid.length > 0) {
      io.stderr(`${invalid.flatMap((f) => f.validation.diagnostics.map((d) => diagnosticLine(f.file, d, locale))).join('\n')}\n`);
      return ExitCode.failed;
    }
    const published: { file: string; flowId: string; version: number }[] = [];
    const valid = flows.flatMap(({ file, validation }) => (validation.document ? [{ file, document: validation.document }] : []));
    for (const { file, document } of valid) {
      try {
        published.push({ file, flowId: document.id, version: await publishOne(api, document) });
      } catch (error) {
        const refused = serverRefusal(error, server, locale);
        io.stderr(
          `${file}: ${locale === 'en' ? 'the server refused it' : '服务器拒绝'} (${refused.status}): ${refused.message}${refused.details === undefined ? '' : ` ${JSON.stringify(refused.details)}`}\n`,
        );
        report(io, published, values.json === true, locale);
        return ExitCode.failed;
      }
    }
    report(io, published, values.json === true, locale);
    return ExitCode.ok;
  },
};

/**
 * Creates the flow or replaces its draft (the file wins), then publishes the revision that
 * save made: if someone saves the draft in between, the server refuses (409) rather than
 * publish their draft as this file's version. Answers the new version.
 */
async function publishOne(api: ApiClient, document: FlowDocument): Promise<number> {
  const existing = await api.findFlow(document.id);
  const { revision } = existing ? await api.saveDraft(document.id, document) : await api.createFlow(document.name, document);
  const { version } = await api.publish(document.id, revision);
  return version;
}

function report(
  io: { stdout(text: string): void },
  published: readonly { file: string; flowId: string; version: number }[],
  json: boolean,
  locale: Locale,
): void {
  if (json) io.stdout(`${JSON.stringify(published, null, 2)}\n`);
  else if (published.length > 0)
    io.stdout(
      `${published.map((p) => (locale === 'en' ? `${p.file}: flow ${p.flowId} published as version ${p.version}` : `${p.file}：流程 ${p.flowId} 已发布为版本 ${p.version}`)).join('\n')}\n`,
    );
}
