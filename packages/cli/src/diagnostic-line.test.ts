import type { Diagnostic } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { diagnosticLine } from './diagnostic-line';

describe('diagnosticLine', () => {
  it('says the location once, before the message', () => {
    const d: Diagnostic = {
      code: 'invalid_config',
      severity: 'error',
      nodeId: 'c1',
      field: 'config.keywords',
      params: { detail: 'add at least one keyword', detailZh: '至少添加一个关键词' },
      message: 'node c1: config.keywords: add at least one keyword',
    };
    expect(diagnosticLine('a.json', d, 'en')).toBe('a.json: node c1: config.keywords: add at least one keyword');
    expect(diagnosticLine('a.json', d, 'zh-CN')).toBe('a.json: 节点 c1: config.keywords: 至少添加一个关键词');
  });

  it('names edges, document fields and flow-wide problems', () => {
    const port: Diagnostic = {
      code: 'unknown_port',
      severity: 'error',
      edgeId: 'e2',
      nodeId: 'c1',
      field: 'sourceHandle',
      params: { port: 'maybe' },
      message: 'edge e2: node c1 has no port "maybe" (ports: true, false)',
    };
    expect(diagnosticLine('a.json', port, 'en')).toBe(
      'a.json: node c1: edge e2: sourceHandle: node c1 has no port "maybe" (ports: true, false)',
    );
    const document: Diagnostic = {
      code: 'invalid_document',
      severity: 'error',
      nodeId: 'n1',
      field: 'nodes.0.type',
      message: 'node n1: field nodes.0.type: Invalid input',
    };
    expect(diagnosticLine('a.json', document, 'en')).toBe('a.json: node n1: nodes.0.type: Invalid input');
    const noTrigger: Diagnostic = { code: 'no_trigger', severity: 'error', message: 'the flow has no trigger, so nothing ever starts it' };
    expect(diagnosticLine('a.json', noTrigger, 'en')).toBe('a.json: the flow has no trigger, so nothing ever starts it');
  });
});
