import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '@switchyard/cli';

/** What one CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A scratch project folder for CLI tests against a real server: writes flow files
 * (a keyword condition tagging VIP wording) and runs the CLI there in English.
 */
export function cliProject(dir: string, flow: { readonly id: string; readonly name: string }) {
  return {
    /** Writes `<name>` as a flow tagging tickets that contain one of `keywords`; an empty list makes it invalid. */
    flowFile: (name: string, keywords: readonly string[]): string => {
      const file = join(dir, name);
      writeFileSync(
        file,
        JSON.stringify({
          id: flow.id,
          name: flow.name,
          description: '',
          nodes: [
            { id: 'created', type: 'ticket_created', config: {}, position: { x: 0, y: 0 } },
            { id: 'is-vip', type: 'text_contains', config: { keywords }, position: { x: 200, y: 0 } },
            { id: 'tag', type: 'add_tag', config: { tag: 'vip_words' }, position: { x: 400, y: 0 } },
            { id: 'done', type: 'end', config: {}, position: { x: 400, y: 100 } },
          ],
          edges: [
            { id: 'e1', source: 'created', sourceHandle: 'next', target: 'is-vip' },
            { id: 'e2', source: 'is-vip', sourceHandle: 'true', target: 'tag' },
            { id: 'e3', source: 'is-vip', sourceHandle: 'false', target: 'done' },
          ],
        }),
      );
      return file;
    },
    cli: async (...argv: string[]): Promise<CliRun> => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        cwd: dir,
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: { LANG: 'en_US.UTF-8' },
      });
      return { code, stdout, stderr };
    },
  };
}
