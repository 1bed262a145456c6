import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** One year, sub-domains included: the usual HSTS once a site is served over https only. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The security headers of every answer (API, editor, errors, 404s): a CSP that allows only
 * Switchyard's own scripts, styles, fonts and connections (Monaco's workers start from blob:
 * URLs; React Flow and Monaco set inline styles), no framing (clickjacking), nosniff, no
 * Referer leaving the site, a browsing context of its own, and HSTS only when the public URL
 * is https (on plain http it would lock browsers out of a local install).
 */
export function securityHeaders(options: { readonly publicUrl?: string | undefined } = {}): MiddlewareHandler {
  const https = options.publicUrl !== undefined && new URL(options.publicUrl).protocol === 'https:';
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: https ? HSTS : false,
  });
}
