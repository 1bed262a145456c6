import { OpenAPIHono } from '@hono/zod-openapi';
import type { SwitchyardApp } from './app-env';
import { validationHook } from './validation-hook';

/** A route group: validation failures answer 400 naming the field, like the rest of the API. */
export function createRouter(): SwitchyardApp {
  return new OpenAPIHono({ defaultHook: validationHook });
}
