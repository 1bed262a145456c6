import type { Group, TicketView } from '@switchyard/api';
import { type RefObject, useState } from 'react';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import { mentionsIn } from '../model/console-text';
import { statusLabel, TICKET_STATUSES } from './status-label';

/** What an agent does from a ticket's page: reply, internal note with @mentions, transfer with a note, take, release, escalate, status. */
export function TicketActions(props: {
  ticket: TicketView;
  groups: readonly Group[];
  replyRef: RefObject<HTMLTextAreaElement | null>;
  onDone: () => void;
}) {
  const { ticket, groups, replyRef, onDone } = props;
  const { t } = useI18n();
  const canWork = useCan('tickets.work');
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [group, setGroup] = useState('');
  const [handOver, setHandOver] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>, reset: () => void = () => {}) => {
    action().then(
      () => {
        reset();
        setError(null);
        onDone();
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  if (!canWork) return null;
  return (
    <section className="console-actions" data-testid="ticket-actions">
      <div className="row">
        <button type="button" data-testid="take" onClick={() => run(() => api.take(ticket.id))}>
          {t('console.take')}
        </button>
        <button type="button" data-testid="release" onClick={() => run(() => api.release(ticket.id))}>
          {t('console.release')}
        </button>
        <button
          type="button"
          data-testid="escalate"
          onClick={() =>
            run(
              () => api.escalate(ticket.id, { note }),
              () => setNote(''),
            )
          }
        >
          {t('console.escalate')}
        </button>
        <select
          aria-label={t('console.status')}
          value={ticket.status}
          onChange={(e) => {
            const status = e.target.value;
            if (status === 'new' || status === 'processing' || status === 'pending' || status === 'resolved' || status === 'closed')
              run(() => api.setStatus(ticket.id, { status }));
          }}
        >
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <label className="config-field">
        <span>{t('console.reply')}</span>
        <textarea ref={replyRef} data-testid="reply-body" value={reply} onChange={(e) => setReply(e.target.value)} rows={3} />
      </label>
      <button
        type="button"
        data-testid="send-reply"
        disabled={!reply.trim()}
        onClick={() =>
          run(
            () => api.reply(ticket.id, reply),
            () => setReply(''),
          )
        }
      >
        {t('console.sendReply')}
      </button>
      <label className="config-field">
        <span>{t('console.note')}</span>
        <textarea
          data-testid="note-body"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          placeholder={t('console.notePlaceholder')}
        />
      </label>
      <button
        type="button"
        data-testid="add-note"
        disabled={!note.trim()}
        onClick={() =>
          run(
            () => api.addNote(ticket.id, { body: note, mentions: mentionsIn(note) }),
            () => setNote(''),
          )
        }
      >
        {t('console.addNote')}
      </button>
      <div className="row">
        <select aria-label={t('console.transferTo')} data-testid="transfer-group" value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">{t('console.transferTo')}</option>
          {groups
            .filter((g) => g.id !== ticket.group)
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
        </select>
        <input
          data-testid="transfer-note"
          value={handOver}
          onChange={(e) => setHandOver(e.target.value)}
          placeholder={t('console.handOver')}
        />
        <button
          type="button"
          data-testid="transfer"
          disabled={!group}
          onClick={() =>
            run(
              () => api.transfer(ticket.id, { group, note: handOver }),
              () => {
                setGroup('');
                setHandOver('');
                // The ticket has left the agent's groups: back to their queue.
                window.location.hash = '#/console/group';
              },
            )
          }
        >
          {t('console.transfer')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** A supervisor's step-in on an abnormal ticket: cause and resolution, kept with the ticket. */
export function StepInForm({ ticketId, onDone }: { ticketId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [cause, setCause] = useState('');
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="console-step-in"
      data-testid="step-in-form"
      onSubmit={(e) => {
        e.preventDefault();
        api.stepIn(ticketId, { cause, resolution }).then(
          () => {
            setCause('');
            setResolution('');
            setError(null);
            onDone();
          },
          (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
        );
      }}
    >
      <h3>{t('console.stepIn')}</h3>
      <label className="config-field">
        <span>{t('console.cause')}</span>
        <input data-testid="step-in-cause" value={cause} onChange={(e) => setCause(e.target.value)} required />
      </label>
      <label className="config-field">
        <span>{t('console.resolution')}</span>
        <input data-testid="step-in-resolution" value={resolution} onChange={(e) => setResolution(e.target.value)} required />
      </label>
      <button type="submit" data-testid="step-in-submit" disabled={!cause.trim() || !resolution.trim()}>
        {t('console.stepIn')}
      </button>
      {error && <p className="error">{error}</p>}
    </form>
  );
}
