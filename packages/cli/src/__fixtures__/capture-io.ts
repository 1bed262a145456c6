import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli-io';

/** The fixtures folder: tests run commands as if started here. */
export const FIXTURES = fileURLToPath(new URL('.', import.meta.url));

/** An io that records output, for running `runCli` in-process. English unless told. */
export function captureIo(overrides: Partial<CliIo> = {}): CliIo & { readonly out: () => string; readonly err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd: FIXTURES,
    env: {},
    color: false,
    ...overrides,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    out: () => out,
    err: () => err,
  };
}
