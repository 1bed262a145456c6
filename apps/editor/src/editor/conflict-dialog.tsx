import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface ConflictDialogProps {
  /** The draft's revision on the server now. */
  readonly revision: number;
  /** Whether the canvas shows theirs against mine. */
  readonly comparing: boolean;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  readonly onToggleDiff: () => void;
}

/**
 * Someone else saved the draft since ours: keep mine (saved over theirs), take theirs (their
 * draft replaces mine, which an undo brings back), or see the difference on the canvas first.
 * Nothing is saved until one is picked.
 */
export function ConflictDialog({ revision, comparing, onKeepMine, onTakeTheirs, onToggleDiff }: ConflictDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const bodyId = useId();
  return (
    <div role="alertdialog" aria-labelledby={titleId} aria-describedby={bodyId} className="conflict-dialog" data-testid="conflict-dialog">
      <strong id={titleId}>{t('conflict.title')}</strong>
      <p id={bodyId}>{t('conflict.body', { revision })}</p>
      <div className="row wrap">
        <button type="button" className="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
          {t('conflict.keepMine')}
        </button>
        <button type="button" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
          {t('conflict.takeTheirs')}
        </button>
        <button type="button" onClick={onToggleDiff} aria-pressed={comparing} data-testid="conflict-diff">
          {comparing ? t('conflict.hideDiff') : t('conflict.showDiff')}
        </button>
      </div>
    </div>
  );
}
