import { createContext, useContext } from 'react';
import type { NodeMark } from '../model/trace-view';

/** A ticket's trace drawn over the canvas: each node's mark (its answer and inputs, resting, timers); null: none shown. */
export const TraceOverlayContext = createContext<ReadonlyMap<string, NodeMark> | null>(null);

/** The trace mark of one node, when the canvas shows a ticket's trace. */
export function useTraceMark(id: string): NodeMark | undefined {
  return useContext(TraceOverlayContext)?.get(id);
}
