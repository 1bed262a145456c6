import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface ConfirmButtonProps {
  readonly label: string;
  /** The question asked before acting. */
  readonly question: string;
  /** More to know before confirming (where the flow will run among the others). */
  readonly detail?: string | null | undefined;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly onConfirm: () => void;
}

/** A button that asks first, in place: the question with Confirm (focused) and Cancel; Escape cancels. */
export function ConfirmButton({ label, question, detail, disabled, className, onConfirm }: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  if (!asking)
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div
      role="alertdialog"
      aria-label={label}
      aria-describedby={questionId}
      className="confirm"
      onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
    >
      <span id={questionId}>
        {question}
        {detail && (
          <span className="confirm-detail" data-testid="run-position">
            {detail}
          </span>
        )}
      </span>
      <button
        type="button"
        className="primary"
        // The question takes the button's place: focus goes where the keyboard user is.
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('rollout.confirm')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('rollout.cancel')}
      </button>
    </div>
  );
}
