import type { AuditChainBreak, AuditVerification } from '@switchyard/api';
import type { Locale } from '@switchyard/flow';
import { CliInputError } from '../cli-input-error';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { connect, serverRefusal } from '../server-api';
import type { Command } from './command';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const USAGE: Record<Locale, string> = {
  en: `Usage: switchyard audit verify --server <url> [--token <token>] [--json]

Checks the audit log's hash chain on the server: every row must still carry the hash chained
when it was written. Names the first row changed, deleted or written around the chain.
Exit status: 0 the chain holds, 1 it is broken (or the server refused), 2 bad input.

  --server <url>    the server (default: SWITCHYARD_SERVER)
  --token <token>   bearer token (default: SWITCHYARD_TOKEN)
  --json            print the server's answer as JSON
`,
  'zh-CN': `用法：switchyard audit verify --server <url> [--token <令牌>] [--json]

检查服务器上审计日志的哈希链：每一行都必须仍带着写入时链上的哈希。
指出第一处被修改、删除或绕过哈希链写入的记录。
退出码：0 哈希链完整，1 哈希链断裂（或服务器拒绝），2 输入有误。

  --server <url>    服务器地址（默认：SWITCHYARD_SERVER）
  --token <令牌>     Bearer 令牌（默认：SWITCHYARD_TOKEN）
  --json            以 JSON 输出服务器的回答
`,
};

/** `switchyard audit verify`: the audit log's tamper check, run by the server. */
export const auditCommand: Command = {
  name: 'audit',
  summary: (locale) => (locale === 'en' ? "verify the audit log's hash chain" : '校验审计日志的哈希链'),
  usage: (locale) => `${USAGE[locale]}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('audit', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(auditCommand.usage(locale));
      return ExitCode.ok;
    }
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      throw new CliInputError(locale === 'en' ? 'switchyard audit: expected "verify"' : 'switchyard audit：应为 "verify"');
    }
    const { api, server } = connect('audit verify', values, io, locale);
    let verification: AuditVerification;
    try {
      verification = await api.verifyAudit();
    } catch (error) {
      io.stderr(`${serverRefusal(error, server, locale).message}\n`);
      return ExitCode.failed;
    }
    if (values.json) io.stdout(`${JSON.stringify(verification, null, 2)}\n`);
    else if (verification.firstBreak) io.stderr(`${breakText(verification.firstBreak, locale)}\n`);
    else io.stdout(`${holdsText(verification, locale)}\n`);
    return verification.ok ? ExitCode.ok : ExitCode.failed;
  },
};

function holdsText(v: AuditVerification, locale: Locale): string {
  const head = v.head ? v.head.hash.slice(0, 16) : '-';
  return locale === 'en'
    ? `the audit chain holds: ${v.rows} rows checked (head ${head}…)`
    : `审计哈希链完整：已校验 ${v.rows} 条记录（链头 ${head}…）`;
}

/** The first break in the reader's language. */
export function breakText(b: AuditChainBreak, locale: Locale): string {
  if (locale === 'en') return `the audit chain is broken: ${b.message}`;
  switch (b.reason) {
    case 'altered':
      return `审计哈希链已断裂：审计记录 ${b.id ?? '?'}（链位置 ${b.seq ?? '?'}）与其哈希不符，写入后被修改过`;
    case 'missing':
      return `审计哈希链已断裂：链位置 ${b.seq ?? '?'}..${b.toSeq ?? '?'} 的审计记录缺失（被删除）；其后的记录为 ${b.id ?? '?'}`;
    case 'tail-missing':
      return `审计哈希链已断裂：最后的审计记录（链位置 ${b.seq ?? '?'}..${b.toSeq ?? '?'}）缺失（被删除）`;
    case 'unchained':
      return `审计哈希链已断裂：审计记录 ${b.id ?? '?'} 绕过哈希链写入（没有链位置）`;
    case 'head-mismatch':
      return '审计哈希链已断裂：链头与最后一条记录不符';
  }
}
