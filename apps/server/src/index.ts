export { createApp } from './create-app';
export type { AppOptions } from './create-app';
export type { AppEnv, SwitchyardApp } from './app-env';
export { REPO_ROOT, startServer } from './start-server';
export type { RunningServer, StartOptions } from './start-server';
export { readServerEnv, ServerEnv } from './server-env';
export { guardProcess } from './guard-process';
export { ensureTemplate } from './db-template/pglite-template';
export { buildServerBundle } from './server-bundle/build-server-bundle';
