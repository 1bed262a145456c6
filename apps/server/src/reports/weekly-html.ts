import { formatMs, type WeeklyReport } from '@switchyard/api';

/** Bilingual names of the report's lines and scorecard metrics: both languages print side by side. */
const NAMES: Readonly<Record<string, string>> = {
  total: 'Tickets · 工单量',
  resolved: 'Resolved · 已解决',
  automationCoverage: 'Automation coverage · 自动化闭环率',
  fcr: 'First-contact resolution · 首次解决率',
  firstResponseMedianMs: 'First response, median · 首次响应中位数',
  firstResponseP90Ms: 'First response, p90 · 首次响应 P90',
  resolutionMedianMs: 'Resolution time, median · 解决时长中位数',
  csatMean: 'CSAT, mean · 满意度均分',
  csatSatisfiedShare: 'CSAT 4-5 share · 满意（4-5 分）占比',
  slaBreachRate: 'SLA breach rate · SLA 违约率',
  csatSatisfied: 'CSAT 4-5 share · 满意（4-5 分）占比',
  slaCompliance: 'SLA compliance · SLA 达成率',
  firstResponseMedianMinutes: 'First response median (min) · 首次响应中位数（分钟）',
  resolutionMedianHours: 'Resolution median (h) · 解决时长中位数（小时）',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A figure as people read it: a duration, a percentage, or a number. */
function figure(metric: string, value: number | null): string {
  if (value === null) return '—';
  if (metric.endsWith('Ms')) return `${formatMs(value, 'en')} · ${formatMs(value, 'zh-CN')}`;
  if (/Rate|Share|Coverage|fcr|Compliance|Satisfied/i.test(metric) && value <= 1 && value >= -1) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * The weekly report as one printable HTML page (A4), bilingual, in a CJK font: what the PDF
 * export prints. Pure: the same report always gives the same page.
 * @example const html = weeklyHtml(report);
 */
export function weeklyHtml(report: WeeklyReport): string {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const lines = report.lines
    .map((l) =>
      row([escape(NAMES[l.metric] ?? l.metric), figure(l.metric, l.current), figure(l.metric, l.previous), figure(l.metric, l.change)]),
    )
    .join('');
  const score = report.scorecard.rows
    .map((r) =>
      row([
        escape(NAMES[r.metric] ?? r.metric),
        figure(r.metric, r.target),
        String(r.weight),
        figure(r.metric, r.actual),
        r.score.toFixed(1),
      ]),
    )
    .join('');
  const categories = report.current.byCategory
    .map((c) => row([escape(c.key || '(none) 未分类'), String(c.count), figure('share', c.share)]))
    .join('');
  const agents = report.current.agents
    .map((a) =>
      row([
        escape(a.agent),
        String(a.handled),
        figure('firstResponseMedianMs', a.firstResponseMedianMs),
        figure('csatMean', a.csatMean),
        String(a.overdue),
      ]),
    )
    .join('');
  const group = report.group === null ? 'All groups · 全部处理组' : escape(report.group);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Weekly report ${escape(report.week)}</title>
<style>
  @page { size: A4; margin: 16mm; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', 'Source Han Sans SC', sans-serif; font-size: 11pt; color: #1f2937; }
  h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 16pt 0 6pt; }
  table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #e5e7eb; padding: 4pt 6pt; text-align: left; }
  th { background: #f3f4f6; } .muted { color: #6b7280; }
</style></head><body>
<h1>Weekly report · 周报 ${escape(report.week)}</h1>
<p class="muted">${escape(report.from)} – ${escape(report.to)} · ${group}</p>
<h2>This week against the week before · 本周与上周对比</h2>
<table><tr><th>Figure · 指标</th><th>This week · 本周</th><th>Week before · 上周</th><th>Change · 变化</th></tr>${lines}</table>
<h2>Quality scorecard · 质量评分卡 (${report.scorecard.total.toFixed(1)} / ${report.scorecard.max.toFixed(0)})</h2>
<table><tr><th>Metric · 指标</th><th>Target · 目标</th><th>Weight · 权重</th><th>Actual · 实际</th><th>Score · 得分</th></tr>${score}</table>
<h2>Categories · 问题类型</h2>
<table><tr><th>Category · 类型</th><th>Tickets · 工单</th><th>Share · 占比</th></tr>${categories}</table>
<h2>Agents · 坐席</h2>
<table><tr><th>Agent · 坐席</th><th>Handled · 已处理</th><th>First response · 首次响应</th><th>CSAT · 满意度</th><th>Overdue · 超时</th></tr>${agents}</table>
</body></html>`;
}
