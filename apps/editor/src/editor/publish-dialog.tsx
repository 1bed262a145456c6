import { useId, useState } from 'react';
import { INPUT_LIMITS } from '@switchyard/flow';
import { useI18n } from '../i18n/i18n-context';

interface PublishDialogProps {
  readonly onPublish: (note: string) => void;
  readonly onClose: () => void;
}

/**
 * Publish asks why: a short change note, kept with the version and shown in the versions list
 * and comparisons. The editor asks for one (the API accepts none, for scripts).
 */
export function PublishDialog({ onPublish, onClose }: PublishDialogProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const titleId = useId();
  const hintId = useId();
  const missing = note.trim() === '';
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="modal publish-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="publish-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!missing) onPublish(note.trim());
        }}
      >
        <h2 id={titleId}>{t('publish.title')}</h2>
        <label>
          {t('publish.noteLabel')}
          <textarea
            autoFocus
            rows={3}
            maxLength={INPUT_LIMITS.note}
            value={note}
            placeholder={t('publish.notePlaceholder')}
            aria-describedby={hintId}
            aria-invalid={tried && missing}
            data-testid="publish-note"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <p id={hintId} className={tried && missing ? 'error small' : 'muted small'} data-testid="publish-note-hint">
          {tried && missing ? t('publish.noteNeeded') : t('publish.noteHint')}
        </p>
        <div className="row">
          <button type="submit" className="primary" data-testid="publish-confirm">
            {t('publish.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('publish.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
