import { runMain } from './run-main';

/* `pnpm start` from the sources (tsx): see run-main.ts; apps/server/launcher/start.mjs runs the precompiled bundle when it is current. */
await runMain();
