import { QueueView } from '@switchyard/api';
import { useEffect, useState } from 'react';

/** A flow page's side tab that a link may open (`#/flows/<id>/rollout`, `#/flows/<id>/failures`). */
export type FlowTab = 'rollout' | 'failures';

/** The page the URL hash names: the flows list, one flow (`#/flows/<id>`, maybe on a tab), the secrets, or the users (admins). */
export type Route =
  | { readonly page: 'flows' }
  | { readonly page: 'secrets' }
  | { readonly page: 'users' }
  | { readonly page: 'flow'; readonly id: string; readonly tab?: FlowTab }
  | { readonly page: 'console'; readonly view: QueueView }
  | { readonly page: 'ticket'; readonly id: string }
  /** A ticket's trace on a flow's canvas (`#/tickets/<id>/trace/<flowId>`; without a flow: the first that moved). */
  | { readonly page: 'trace'; readonly ticketId: string; readonly flowId?: string }
  | { readonly page: 'analytics' }
  /** Approvals waiting for the signed-in person, or those decided (`#/approvals/decided`). */
  | { readonly page: 'approvals'; readonly filter: 'waiting' | 'decided' }
  | { readonly page: 'failures' };

/** Hash routes: the server serves index.html at "/" only, so paths after "#" need no server routes. */
export function parseRoute(hash: string): Route {
  if (/^#\/secrets(?:[/?]|$)/.test(hash)) return { page: 'secrets' };
  if (/^#\/users(?:[/?]|$)/.test(hash)) return { page: 'users' };
  const trace = /^#\/tickets\/([^/?]+)\/trace(?:\/([^/?]+))?/.exec(hash);
  if (trace?.[1]) {
    const ticketId = decodeURIComponent(trace[1]);
    return trace[2] ? { page: 'trace', ticketId, flowId: decodeURIComponent(trace[2]) } : { page: 'trace', ticketId };
  }
  const ticket = /^#\/tickets\/([^/?]+)/.exec(hash);
  if (ticket?.[1]) return { page: 'ticket', id: decodeURIComponent(ticket[1]) };
  const queue = /^#\/console(?:\/([^/?]+))?/.exec(hash);
  if (queue) return { page: 'console', view: QueueView.catch('mine').parse(queue[1]) };
  if (/^#\/analytics(?:[/?]|$)/.test(hash)) return { page: 'analytics' };
  const approvals = /^#\/approvals(?:\/([^/?]+))?/.exec(hash);
  if (approvals) return { page: 'approvals', filter: approvals[1] === 'decided' ? 'decided' : 'waiting' };
  if (/^#\/failures(?:[/?]|$)/.test(hash)) return { page: 'failures' };
  const match = /^#\/flows\/([^/?]+)(?:\/([^/?]+))?/.exec(hash);
  if (!match?.[1]) return { page: 'flows' };
  const id = decodeURIComponent(match[1]);
  return match[2] === 'rollout' || match[2] === 'failures' ? { page: 'flow', id, tab: match[2] } : { page: 'flow', id };
}

/**
 * The hash of a route, for links and `navigate`.
 * @example routeHash({ page: 'flow', id: 'sla', tab: 'rollout' }) // "#/flows/sla/rollout"
 */
export function routeHash(route: Route): string {
  if (route.page === 'secrets') return '#/secrets';
  if (route.page === 'users') return '#/users';
  if (route.page === 'analytics') return '#/analytics';
  if (route.page === 'failures') return '#/failures';
  if (route.page === 'approvals') return `#/approvals/${route.filter}`;
  if (route.page === 'flows') return '#/';
  if (route.page === 'console') return `#/console/${route.view}`;
  if (route.page === 'ticket') return `#/tickets/${encodeURIComponent(route.id)}`;
  if (route.page === 'trace') {
    return `#/tickets/${encodeURIComponent(route.ticketId)}/trace${route.flowId ? `/${encodeURIComponent(route.flowId)}` : ''}`;
  }
  return `#/flows/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}` : ''}`;
}

/** @example navigate({ page: 'flow', id: 'sla' }) */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
