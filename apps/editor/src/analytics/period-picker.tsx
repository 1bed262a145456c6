import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { lastDays } from '../model/analytics-figures';
import { useLoad } from '../use-load';

/** The dashboard's filters: a period of UTC days, a group, a channel. */
export interface Filters {
  readonly from: string;
  readonly to: string;
  readonly group?: string;
  readonly channel?: string;
}

const CHANNELS = ['chat', 'email', 'web', 'phone', 'social'] as const;
const PRESETS = [7, 30, 90] as const;

/** Period (last 7/30/90 days, or from-to), group and channel. */
export function PeriodPicker({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t, locale } = useI18n();
  const [groups] = useLoad(() => api.groups());
  const set = (patch: Partial<Filters>) => {
    const next: Record<string, string> = { ...value, ...patch };
    for (const k of ['group', 'channel']) if (next[k] === '') delete next[k];
    onChange({
      from: next.from ?? value.from,
      to: next.to ?? value.to,
      ...(next.group ? { group: next.group } : {}),
      ...(next.channel ? { channel: next.channel } : {}),
    });
  };
  return (
    <div className="period-picker" data-testid="period-picker">
      {PRESETS.map((days) => (
        <button key={days} type="button" data-testid={`period-${days}`} onClick={() => set(lastDays(value.to, days))}>
          {t('analytics.lastDays', { days })}
        </button>
      ))}
      <DayField label={t('analytics.from')} value={value.from} max={value.to} onPick={(from) => set({ from })} testId="period-from" />
      <DayField label={t('analytics.to')} value={value.to} min={value.from} onPick={(to) => set({ to })} testId="period-to" />
      <label>
        {t('analytics.group')}
        <select value={value.group ?? ''} onChange={(e) => set({ group: e.target.value })} data-testid="filter-group">
          <option value="">{t('analytics.all')}</option>
          {groups.status === 'done' &&
            groups.data.map((g) => (
              <option key={g.id} value={g.id}>
                {locale === 'zh-CN' && g.nameZh ? g.nameZh : g.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('analytics.channelFilter')}
        <select value={value.channel ?? ''} onChange={(e) => set({ channel: e.target.value })} data-testid="filter-channel">
          <option value="">{t('analytics.all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`analytics.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** One end of the period: a labelled date field that ignores being cleared. */
function DayField(props: { label: string; value: string; min?: string; max?: string; onPick: (day: string) => void; testId: string }) {
  return (
    <label>
      {props.label}
      <input
        type="date"
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(e) => e.target.value && props.onPick(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
