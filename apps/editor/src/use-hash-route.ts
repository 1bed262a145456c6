import { useEffect, useState } from 'react';

/** The page the URL hash names: the flows list, or one flow (`#/flows/<id>`). */
export type Route = { readonly page: 'flows' } | { readonly page: 'flow'; readonly id: string };

/** Hash routes: the server serves index.html at "/" only, so paths after "#" need no server routes. */
export function parseRoute(hash: string): Route {
  const match = /^#\/flows\/([^/?]+)/.exec(hash);
  return match?.[1] ? { page: 'flow', id: decodeURIComponent(match[1]) } : { page: 'flows' };
}

/** @example navigate({ page: 'flow', id: 'sla' }) */
export function navigate(route: Route): void {
  window.location.hash = route.page === 'flow' ? `#/flows/${encodeURIComponent(route.id)}` : '#/';
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
