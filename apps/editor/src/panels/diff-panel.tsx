import { useI18n } from '../i18n/i18n-context';
import type { FlowDiff } from '../model/flow-diff';
import type { VersionNote } from '../model/version-notes';
import { stableJson } from '../model/stable-json';

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : stableJson(value));

/** The comparison in words: each added, removed or changed node with its changed fields, before → after. */
export function DiffPanel({
  diff,
  fromLabel,
  toLabel,
  notes = [],
  onPick,
}: {
  diff: FlowDiff;
  fromLabel: string;
  toLabel: string;
  /** The change notes of the versions the comparison spans: why it changed. */
  notes?: readonly VersionNote[];
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const changed = diff.nodes.filter((n) => n.status !== 'unchanged');
  return (
    <div className="diff-panel" data-testid="diff-panel">
      <h3>{t('diff.title', { from: fromLabel, to: toLabel })}</h3>
      {notes.length > 0 && (
        <div className="diff-notes" data-testid="diff-notes">
          <h4>{t('versions.notes')}</h4>
          <ul>
            {notes.map((n) => (
              <li key={n.version} data-testid="diff-note" data-version={n.version}>
                {t('versions.noteOf', { version: n.version, note: n.note })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.same && <p className="muted">{t('diff.none')}</p>}
      <ul>
        {changed.map((n) => (
          <li key={n.id} className={`diff-${n.status}`} data-testid="diff-node" data-node-id={n.id} data-status={n.status}>
            <button type="button" className="link" onClick={() => onPick(n.id)}>
              <span className={`diff-badge ${n.status}`}>
                {t(`diff.${n.status === 'added' ? 'added' : n.status === 'removed' ? 'removed' : 'changed'}`)}
              </span>{' '}
              {n.node.label ?? n.id}
            </button>
            {n.changes.length > 0 && (
              <table className="field-changes">
                <tbody>
                  {n.changes.map((c) => (
                    <tr key={c.field} data-testid="diff-field" data-field={c.field}>
                      <th>{c.field}</th>
                      <td className="before">{show(c.before)}</td>
                      <td>→</td>
                      <td className="after">{show(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
      {diff.addedEdges.length > 0 && <p className="small">{t('diff.edgesAdded', { count: diff.addedEdges.length })}</p>}
      {diff.removedEdges.length > 0 && <p className="small">{t('diff.edgesRemoved', { count: diff.removedEdges.length })}</p>}
    </div>
  );
}
