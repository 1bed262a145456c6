import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from './auth/principal';

/** What middleware hands to handlers: who is asking, and the name the audit log gives them. */
export interface AppEnv {
  Variables: {
    actor: string;
    /** Set on every request but those of public routes (see `auth/route-permissions.ts`); read it with `principalOf(c)`. */
    principal: Principal | undefined;
  };
}

/** The app and every route group: an OpenAPIHono whose routes document themselves. */
export type SwitchyardApp = OpenAPIHono<AppEnv>;
