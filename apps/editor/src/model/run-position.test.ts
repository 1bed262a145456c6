import { describe, expect, it } from 'vitest';
import { ordinal, runPosition, runPositionWords } from './run-position';

const order = ['Intake 受理', 'Refunds', 'SLA', 'VIP', 'Survey'].map((name, i) => ({ flowId: `f${i + 1}`, name, position: i + 1 }));

describe('runPosition', () => {
  it('finds a deployed flow’s place and the flow before it', () => {
    expect(runPosition(order, 'f3')).toEqual({ position: 3, total: 5, after: 'Refunds', deployed: true });
    expect(runPosition(order, 'f1')).toEqual({ position: 1, total: 5, after: null, deployed: true });
  });

  it('puts a flow not deployed yet last, after the last one', () => {
    expect(runPosition(order, 'new')).toEqual({ position: 6, total: 6, after: 'Survey', deployed: false });
    expect(runPosition([], 'new')).toEqual({ position: 1, total: 1, after: null, deployed: false });
  });

  it('says it in both languages', () => {
    expect(runPositionWords(runPosition(order, 'f3'), 'en')).toBe('Runs 3rd of 5, after “Refunds”.');
    expect(runPositionWords(runPosition(order, 'f3'), 'zh-CN')).toBe('在 5 个已部署流程中第 3 个运行，排在「Refunds」之后。');
    expect(runPositionWords(runPosition(order, 'new'), 'en')).toBe('It will run 6th of 6, last, after “Survey”.');
    expect(runPositionWords(runPosition(order, 'f1'), 'en')).toBe('Runs 1st of 5: before every other flow.');
    expect(runPositionWords(runPosition([], 'new'), 'zh-CN')).toBe('它将是唯一部署的流程：每张工单只运行它。');
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
  });
});
