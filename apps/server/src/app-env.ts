import type { OpenAPIHono } from '@hono/zod-openapi';

/** What middleware hands to handlers: who is asking, for the audit log. */
export interface AppEnv {
  Variables: {
    actor: string;
  };
}

/** The app and every route group: an OpenAPIHono whose routes document themselves. */
export type SwitchyardApp = OpenAPIHono<AppEnv>;
