import { describe, expect, it } from 'vitest';
import { captureIo } from './__fixtures__/capture-io';
import { runCli } from './run-cli';

describe('runCli', () => {
  it('lists the commands with --help and exits 0', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/validate[\s\S]*compile[\s\S]*dry-run/);
  });

  it('prints usage to stderr and exits 2 when no command is given', async () => {
    const io = captureIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('Usage: switchyard <command>');
  });

  it('exits 2 for an unknown command or option, pointing to --help', async () => {
    const command = captureIo();
    expect(await runCli(['deploy'], command)).toBe(2);
    expect(command.err()).toContain('unknown command "deploy"');
    const option = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', '--verbose'], option)).toBe(2);
    expect(option.err()).toContain('--verbose');
    expect(option.err()).toContain('switchyard validate --help');
  });

  it('refuses a language it does not speak', async () => {
    const io = captureIo();
    expect(await runCli(['validate', 'flows/classify.json', '--lang', 'fr'], io)).toBe(2);
    expect(io.err()).toContain('--lang fr: expected zh-CN or en');
  });

  it('shows help in Chinese under --lang zh-CN', async () => {
    const io = captureIo();
    expect(await runCli(['help', 'dry-run', '--lang', 'zh-CN'], io)).toBe(0);
    expect(io.out()).toContain('用法：switchyard dry-run');
  });
});
