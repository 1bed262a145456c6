import { lazy, Suspense } from 'react';
import type { CodeFieldProps } from './code-field';

const CodeField = lazy(() => import('./code-field'));

/** Monaco behind a Suspense boundary: a plain box shows until its chunk has loaded. */
export function LazyCodeField(props: CodeFieldProps) {
  return (
    <Suspense
      fallback={
        <textarea
          className="code-fallback"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          data-testid={props.testId}
        />
      }
    >
      <CodeField {...props} />
    </Suspense>
  );
}
