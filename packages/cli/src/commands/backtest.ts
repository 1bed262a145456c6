import type { Backtest, BacktestRequest } from '@switchyard/api';
import { FlowDocument, type Locale } from '@switchyard/flow';
import { resolve } from 'node:path';
import { CliInputError } from '../cli-input-error';
import { readThroughIo } from '../cli-io';
import { ExitCode } from '../exit-code';
import { messages } from '../messages';
import { parseCommandArgs } from '../parse-command-args';
import { refusalText } from '../rollout/rollout-connection';
import { connect, serverRefusal } from '../server-api';
import { backtestMessages, renderBacktest } from '../report/backtest-report';
import type { Command } from './command';

const OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  draft: { type: 'string' },
  version: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
} as const;

/** How often the job's progress is asked for. */
const POLL_MS = 300;

/** `switchyard backtest`: replays recorded tickets through a draft or version and reports what would change. */
export const backtestCommand: Command = {
  name: 'backtest',
  summary: (locale) => backtestMessages(locale).summary,
  usage: (locale) => `${backtestMessages(locale).usage}${messages(locale).commonOptions}\n`,
  async run(argv, { io, locale }) {
    const { values, positionals } = parseCommandArgs('backtest', argv, OPTIONS, locale);
    if (values.help) {
      io.stdout(backtestCommand.usage(locale));
      return ExitCode.ok;
    }
    const m = backtestMessages(locale);
    const [flowId] = positionals;
    if (!flowId) throw new CliInputError(m.needFlow);
    const from = instant(values.from, '--from', locale);
    const to = instant(values.to, '--to', locale);
    if (values.draft !== undefined && values.version !== undefined) throw new CliInputError(m.draftOrVersion);
    const request: BacktestRequest = {
      from,
      to,
      ...(values.version === undefined ? {} : { version: positive(values.version, '--version', locale) }),
      ...(values.limit === undefined ? {} : { limit: positive(values.limit, '--limit', locale) }),
      ...(values.draft === undefined ? {} : { document: await readDraft(io, values.draft, locale) }),
    };
    const { api, server } = connect('backtest', values, io, locale);
    try {
      const { id } = await api.startBacktest(flowId, request);
      let job: Backtest = await api.getBacktest(id);
      while (job.status === 'running') {
        if (io.color) io.stderr(`\r${progressBar(job.done, job.total)}`);
        await new Promise((done) => setTimeout(done, POLL_MS));
        job = await api.getBacktest(id);
      }
      if (io.color) io.stderr(`\r${progressBar(job.done, job.total)}\n`);
      io.stdout(values.json ? `${JSON.stringify(job, null, 2)}\n` : renderBacktest(job, locale));
      return job.replayErrors > 0 || job.status !== 'done' ? ExitCode.failed : ExitCode.ok;
    } catch (error) {
      io.stderr(refusalText(serverRefusal(error, server, locale), locale));
      return ExitCode.failed;
    }
  },
};

/** `[########------------]  40/100` */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

function instant(value: string | undefined, option: string, locale: Locale): string {
  if (value === undefined || Number.isNaN(Date.parse(value))) throw new CliInputError(backtestMessages(locale).needTime(option));
  return new Date(value).toISOString();
}

function positive(value: string, option: string, locale: Locale): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliInputError(backtestMessages(locale).needPositive(option, value));
  return n;
}

async function readDraft(io: Parameters<typeof readThroughIo>[0], file: string, locale: Locale): Promise<FlowDocument> {
  const path = resolve(io.cwd, file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readThroughIo(io, path));
  } catch (error) {
    throw new CliInputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = FlowDocument.safeParse(raw);
  if (!parsed.success) throw new CliInputError(backtestMessages(locale).badDraft(file, parsed.error.issues[0]?.path.join('.') ?? ''));
  return parsed.data;
}
