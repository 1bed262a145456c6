import type { FlowDocument } from '@switchyard/flow';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { autoLayout, type EdgeRoute } from '../model/auto-layout';
import { portsOfNodes } from '../model/flow-to-canvas';

/** Past this many nodes edges take React Flow's own paths: a layout per change would cost more than it shows. */
const ROUTED_UP_TO = 150;
const NO_ROUTES: ReadonlyMap<string, EdgeRoute> = new Map();

/**
 * Edge routes around the nodes for the flow's current shape (nodes, ports, wires; not positions).
 * The layout is deterministic, so its routes fit every edge whose two nodes stand where it put
 * them: after "tidy up", and in an example laid out by it. Moving a node by hand drops only its edges' routes.
 */
export function useEdgeRoutes(doc: FlowDocument, catalog: ReadonlyMap<string, CatalogEntry>): ReadonlyMap<string, EdgeRoute> {
  const shape = useMemo(() => {
    if (doc.nodes.length > ROUTED_UP_TO || doc.nodes.length === 0) return null;
    const ports = portsOfNodes(doc, catalog);
    return JSON.stringify([doc.nodes.map((n) => [n.id, ports(n.id)]), doc.edges.map((e) => [e.id, e.source, e.sourceHandle, e.target])]);
  }, [doc, catalog]);
  const [routes, setRoutes] = useState<{ shape: string | null; routes: ReadonlyMap<string, EdgeRoute> }>({
    shape: null,
    routes: NO_ROUTES,
  });
  const latest = useRef({ doc, catalog });
  latest.current = { doc, catalog };
  useEffect(() => {
    if (shape === null) return;
    let current = true;
    const { doc: laidOut, catalog: types } = latest.current;
    void autoLayout(laidOut, portsOfNodes(laidOut, types)).then((laid) => {
      if (current) setRoutes({ shape, routes: laid.routes });
    });
    return () => {
      current = false;
    };
    // Only a change of shape lays out again; a move keeps the routes and checks them against positions.
  }, [shape]);
  return routes.shape === shape ? routes.routes : NO_ROUTES;
}
