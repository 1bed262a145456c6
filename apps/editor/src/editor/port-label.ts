import type { Locale } from '../i18n/translate';

const ZH: Readonly<Record<string, string>> = {
  true: '是',
  false: '否',
  next: '下一步',
  error: '出错',
  event: '事件',
  timeout: '超时',
  met: '达标',
  warning: '预警',
  breach: '违约',
  approved: '已批准',
  rejected: '已驳回',
  confirmed: '已确认',
  remind: '提醒',
};

/**
 * A port's name as shown beside its handle; case ports and custom ports show as named.
 * @example portLabel('true', 'zh-CN') // "是"
 */
export function portLabel(port: string, locale: Locale): string {
  return locale === 'zh-CN' ? (ZH[port] ?? port) : port;
}
