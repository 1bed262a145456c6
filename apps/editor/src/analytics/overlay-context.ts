import { createContext, useContext } from 'react';
import type { Overlay } from '../model/analytics-figures';

/** The flow analytics drawn over the canvas (node badges and heat, edge labels and widths); null: none shown. */
export const AnalyticsOverlayContext = createContext<Overlay | null>(null);

/** The overlay of one node, when the analytics tab shows one. */
export function useNodeOverlay(id: string) {
  return useContext(AnalyticsOverlayContext)?.nodes.get(id);
}

/** The overlay of one edge, when the analytics tab shows one. */
export function useEdgeOverlay(id: string) {
  return useContext(AnalyticsOverlayContext)?.edges.get(id);
}
