import { useStore } from '@xyflow/react';
import { useId } from 'react';

/** Flow pixels between dots, as React Flow's `<Background gap={20} />` drew them. */
const GAP = 20;
/** A dot's diameter in flow pixels (React Flow's default for dots). */
const DOT = 1;

/**
 * The canvas's dot grid, drawn as React Flow's `<Background>` draws it but moved instead of
 * repainted: React Flow's shifts its SVG pattern on every pan frame, and the browser then
 * rasterised the whole canvas again each frame (the largest share of a pan's CPU, bench/profile-editor.ts).
 * Here the pattern changes only with the zoom; a pan moves the element, a composited layer
 * (`.canvas-dots` in styles.css), by the pan's remainder modulo one gap: no repaint.
 */
export function CanvasDots() {
  const [x, y, zoom] = useStore((state) => state.transform);
  // Two canvases can share a page (a comparison): each pattern has its own id, safe inside url(#...).
  const id = `dots${useId().replace(/[^\w-]/g, '')}`;
  const gap = GAP * zoom || 1;
  const radius = (DOT * zoom) / 2;
  // One gap of spare on each side, so the moved grid always covers the canvas.
  const shift = (offset: number) => (offset % gap) - gap;
  return (
    <svg
      className="canvas-dots"
      style={{
        width: `calc(100% + ${2 * gap}px)`,
        height: `calc(100% + ${2 * gap}px)`,
        transform: `translate(${shift(x)}px, ${shift(y)}px)`,
      }}
      aria-hidden
    >
      <pattern id={id} width={gap} height={gap} patternUnits="userSpaceOnUse" patternTransform={`translate(${-gap / 2},${-gap / 2})`}>
        <circle cx={radius} cy={radius} r={radius} />
      </pattern>
      <rect width="100%" height="100%" fill={`url(#${id})`} />
    </svg>
  );
}
