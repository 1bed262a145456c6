import type { DeploymentOrder } from '@switchyard/api';
import { type Locale, translate } from '../i18n/translate';

/** Where a flow runs among the deployed flows on each ticket: its place, how many run, and the one just before it. */
export interface RunPosition {
  /** 1 for the first to run. */
  readonly position: number;
  readonly total: number;
  /** The name of the flow that runs just before it; null when it runs first. */
  readonly after: string | null;
  /** False for a flow not deployed yet: deploying puts it last. */
  readonly deployed: boolean;
}

/**
 * Where `flowId` runs in `order` (GET /api/deployments/order), or where it would run once
 * deployed: a flow deployed for the first time runs after all the others.
 * @example runPosition([{ flowId: 'intake', name: 'Intake', position: 1 }], 'sla') // { position: 2, total: 2, after: 'Intake', deployed: false }
 */
export function runPosition(order: DeploymentOrder['order'], flowId: string): RunPosition {
  const index = order.findIndex((f) => f.flowId === flowId);
  if (index < 0) return { position: order.length + 1, total: order.length + 1, after: order.at(-1)?.name ?? null, deployed: false };
  return { position: index + 1, total: order.length, after: order[index - 1]?.name ?? null, deployed: true };
}

const ENGLISH_SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/**
 * A place in words: "3rd", "第 3 个".
 * @example ordinal(22, 'en') // "22nd"
 */
export function ordinal(n: number, locale: Locale): string {
  if (locale === 'zh-CN') return `第 ${n} 个`;
  return `${n}${ENGLISH_SUFFIX[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)] ?? 'th'}`;
}

/**
 * The run position in a sentence: "Runs 3rd of 5, after “Intake”." (or first, or alone).
 * @example runPositionWords({ position: 1, total: 1, after: null, deployed: false }, 'en') // "It will be the only deployed flow: it runs on every ticket alone."
 */
export function runPositionWords(where: RunPosition, locale: Locale): string {
  const params = { ordinal: ordinal(where.position, locale), total: where.total, after: where.after ?? '' };
  if (where.total === 1) return translate(locale, where.deployed ? 'order.alone' : 'order.willBeAlone');
  if (where.after === null) return translate(locale, 'order.first', params);
  return translate(locale, where.deployed ? 'order.runsAfter' : 'order.willRunAfter', params);
}
