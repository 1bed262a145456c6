import type { ApprovalView } from '@switchyard/api';
import { useState } from 'react';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';

/** Approve or reject one approval with an optional note; `onDecided` once the server queued the decision. */
export function ApprovalDecideForm({ approval, onDecided }: { approval: ApprovalView; onDecided: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    api.decideApproval(approval.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => onDecided(),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <div className="approval-decide">
      <label>
        <span className="muted small">{t('approvals.note')}</span>
        <textarea
          data-testid="approval-note"
          rows={2}
          value={note}
          placeholder={t('approvals.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="row">
        <button type="button" className="primary" data-testid="approval-approve" disabled={busy} onClick={() => decide('approve')}>
          {t('approvals.approve')}
        </button>
        <button type="button" className="danger" data-testid="approval-reject" disabled={busy} onClick={() => decide('reject')}>
          {t('approvals.reject')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
