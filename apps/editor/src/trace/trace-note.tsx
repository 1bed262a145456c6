import { portLabel } from '../editor/port-label';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';
import { inputLines, type NodeMark } from '../model/trace-view';

/** Beside a node on a trace's canvas: what it decided (its answer and the inputs behind it), and, where the flow rests, its timers. */
export function TraceNote({ mark }: { mark: NodeMark }) {
  const { t, locale } = useI18n();
  const lines = mark.inputs ? inputLines(mark.inputs, t) : [];
  if (mark.answer === undefined && !lines.length && !mark.resting && !mark.timers.length) return null;
  return (
    <div className="trace-note" data-testid="trace-note" title={lines.join('\n')}>
      {mark.resting && <span className="trace-resting-chip">{t('trace.resting')}</span>}
      {mark.answer !== undefined && (
        <span className={`trace-answer port-${mark.answer}`} data-testid="trace-answer">
          → {portLabel(mark.answer, locale)}
        </span>
      )}
      {lines.slice(0, 4).map((line, i) => (
        <span key={i} className="trace-input" data-testid="trace-input">
          {line}
        </span>
      ))}
      {lines.length > 4 && <span className="trace-input muted">…</span>}
      {mark.timers.map((timer) => (
        <span key={timer.event + timer.dueAt} className="trace-timer" data-testid="trace-timer">
          {t('trace.timer', {
            // A wait's own timer (xstate.after.*) is its timeout; any other names its event.
            event: timer.event.startsWith('xstate.after.') ? t('trace.timesOut') : timer.event,
            time: new Date(timer.dueAt).toLocaleString(locale),
            left: countdown(timer.dueAt, Date.now()),
          })}
        </span>
      ))}
    </div>
  );
}
