import { describe, expect, it } from 'vitest';
import { diagnosticText, indexDiagnostics } from './diagnostics-index';

describe('diagnostics', () => {
  it('speaks Chinese with the flow model templates and falls back to English for unknown codes', () => {
    const missing = {
      code: 'missing_branch',
      severity: 'error' as const,
      message: 'condition c1 has no false branch',
      nodeId: 'c1',
      params: { port: 'false' },
    };
    expect(diagnosticText(missing, 'zh-CN')).toBe('条件节点 c1 缺少分支 false');
    expect(diagnosticText(missing, 'en')).toBe('condition c1 has no false branch');
    expect(diagnosticText({ code: 'future_code', severity: 'error', message: 'new' }, 'zh-CN')).toBe('new');
  });

  it('groups by node and edge', () => {
    const index = indexDiagnostics(
      [
        { code: 'invalid_config', severity: 'error', message: 'a', nodeId: 'n1' },
        { code: 'invalid_config', severity: 'error', message: 'b', nodeId: 'n1' },
        { code: 'unknown_port', severity: 'error', message: 'c', nodeId: 'n2', edgeId: 'e1' },
        { code: 'no_trigger', severity: 'error', message: 'd' },
      ],
      'en',
    );
    expect(index.byNode.get('n1')).toEqual(['a', 'b']);
    expect(index.byNode.has('n2')).toBe(false);
    expect(index.byEdge.get('e1')).toEqual(['c']);
  });
});
