import { Allowed } from '../auth/allowed';
import { useState } from 'react';
import type { VersionSummary } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';

/** One side of a comparison: a published version or the draft. */
export type VersionRef = number | 'draft';

interface VersionsPanelProps {
  readonly versions: readonly VersionSummary[];
  readonly comparing: boolean;
  readonly onCompare: (from: VersionRef, to: VersionRef) => void;
  readonly onCloseCompare: () => void;
  readonly onRestore: (version: number) => void;
  /** Opens "Test on past tickets" for a version. */
  readonly onBacktest: (version: number) => void;
}

const parseRef = (value: string): VersionRef => (value === 'draft' ? 'draft' : Number(value));

/** Version history (newest first, with author and time), restore, and the pick of two sides to compare. */
export function VersionsPanel({ versions, comparing, onCompare, onCloseCompare, onRestore, onBacktest }: VersionsPanelProps) {
  const { t, locale } = useI18n();
  const newest = versions.at(-1)?.version;
  const [from, setFrom] = useState<VersionRef>(versions.at(-2)?.version ?? newest ?? 'draft');
  const [to, setTo] = useState<VersionRef>('draft');
  const options = [...versions].reverse();
  const refOptions = (
    <>
      <option value="draft">{t('versions.draft')}</option>
      {options.map((v) => (
        <option key={v.version} value={v.version}>
          {t('versions.version', { version: v.version })}
        </option>
      ))}
    </>
  );
  return (
    <div className="versions" data-testid="versions-panel">
      {versions.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ul className="version-list">
          {options.map((v) => (
            <li key={v.version} data-testid="version" data-version={v.version}>
              <strong>{t('versions.version', { version: v.version })}</strong>
              {v.note ? (
                <span className="version-note" data-testid="version-note">
                  {v.note}
                </span>
              ) : (
                <span className="version-note muted small">{t('versions.noNote')}</span>
              )}
              <span className="muted small">
                {new Date(v.createdAt).toLocaleString(locale)} {v.author ? t('versions.by', { author: v.author }) : ''}
              </span>
              <Allowed permission="flows.edit">
                <button type="button" className="small" onClick={() => onRestore(v.version)} data-testid={`restore-${v.version}`}>
                  {t('versions.restore')}
                </button>
              </Allowed>
              <Allowed permission="flows.dry_run">
                <button type="button" className="small" onClick={() => onBacktest(v.version)} data-testid={`backtest-${v.version}`}>
                  {t('backtest.action')}
                </button>
              </Allowed>
            </li>
          ))}
        </ul>
      )}
      <div className="compare-picker">
        <label>
          {t('versions.compareFrom')}
          <select value={String(from)} onChange={(e) => setFrom(parseRef(e.target.value))} data-testid="compare-from">
            {refOptions}
          </select>
        </label>
        <label>
          {t('versions.compareTo')}
          <select value={String(to)} onChange={(e) => setTo(parseRef(e.target.value))} data-testid="compare-to">
            {refOptions}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => onCompare(from, to)} data-testid="compare">
          {t('versions.compare')}
        </button>
        {comparing && (
          <button type="button" onClick={onCloseCompare} data-testid="close-compare">
            {t('versions.closeCompare')}
          </button>
        )}
      </div>
    </div>
  );
}
