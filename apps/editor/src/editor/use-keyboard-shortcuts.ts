import { useEffect, useRef } from 'react';

/** What the editor's keys do; Delete/Backspace are React Flow's own (it skips inputs too). */
export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  selectAll(): void;
}

/** Typing in a field (or in Monaco) keeps its own undo and clipboard. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor') !== null;
}

/** Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, Ctrl/⌘+C/V copy and paste, Ctrl/⌘+A select all. */
export function useKeyboardShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const action =
        key === 'z' && event.shiftKey
          ? 'redo'
          : key === 'z'
            ? 'undo'
            : key === 'y'
              ? 'redo'
              : key === 'c'
                ? 'copy'
                : key === 'v'
                  ? 'paste'
                  : key === 'a'
                    ? 'selectAll'
                    : null;
      if (!action) return;
      event.preventDefault();
      current.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
