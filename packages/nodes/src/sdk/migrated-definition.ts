import { isRecord } from '@switchyard/flow';
import { z } from 'zod';
import type { ConfigMigration, NodeDefinition } from './define-node';

type Config = Readonly<Record<string, unknown>>;

/**
 * The definition that serves flows published against `migration.from` when only a newer
 * version's code is installed: it keeps the old version number (compiled flows name it),
 * accepts the old configs (each checked by migrating it and parsing it with the new
 * schema), and runs the new code on the migrated config. Stored configs are never
 * rewritten: a published version stays what was published.
 */
export function migratedDefinition(def: NodeDefinition, migration: ConfigMigration<z.ZodType>): NodeDefinition {
  const upgrade = (config: unknown): unknown => def.config.parse(migration.up(asObject(config)));
  const config = z.record(z.string(), z.unknown()).superRefine((old, ctx) => {
    let migrated: unknown;
    try {
      migrated = migration.up(old);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `cannot migrate from v${migration.from} to v${def.version}: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    const parsed = def.config.safeParse(migrated);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: `after migration to v${def.version}: ${issue.message}` });
    }
  });
  const warnings = def.warnings?.bind(def);
  const base = {
    version: migration.from,
    migratedTo: def.version,
    config,
    migrations: [],
    ports: (c: unknown) => def.ports(upgrade(c)),
    ...(warnings ? { warnings: (c: unknown) => warnings(upgrade(c)) } : {}),
  };
  switch (def.kind) {
    case 'trigger': {
      const matches = def.matches?.bind(def);
      return { ...def, ...base, kind: def.kind, ...(matches ? { matches: (ctx, c) => matches(ctx, upgrade(c)) } : {}) };
    }
    case 'condition':
      return { ...def, ...base, kind: def.kind, evaluate: (ctx, c) => def.evaluate(ctx, upgrade(c)) };
    case 'action': {
      const simulate = def.simulate?.bind(def);
      return {
        ...def,
        ...base,
        kind: def.kind,
        run: (ctx, c) => def.run(ctx, upgrade(c)),
        ...(simulate ? { simulate: (ctx, c) => simulate(ctx, upgrade(c)) } : {}),
      };
    }
    case 'wait': {
      if (def.outcomes) {
        const o = def.outcomes;
        return {
          ...def,
          ...base,
          kind: def.kind,
          outcomes: {
            ports: (c) => o.ports(upgrade(c)),
            events: (c) => o.events(upgrade(c)),
            enter: (ctx, c, kept, self) => o.enter(ctx, upgrade(c), kept, self),
            onEvent: (ctx, c, memory, self) => o.onEvent(ctx, upgrade(c), memory, self),
            onTimer: (ctx, c, memory, self) => o.onTimer(ctx, upgrade(c), memory, self),
            dueAt: (ctx, c, memory) => o.dueAt(ctx, upgrade(c), memory),
          },
        };
      }
      const delayMs = def.delayMs.bind(def);
      const event = def.event?.bind(def);
      const matches = def.matches?.bind(def);
      return {
        ...def,
        ...base,
        kind: def.kind,
        delayMs: (ctx, c) => delayMs(ctx, upgrade(c)),
        ...(event ? { event: (c) => event(upgrade(c)) } : {}),
        ...(matches ? { matches: (ctx, c) => matches(ctx, upgrade(c)) } : {}),
      };
    }
    case 'end':
      return { ...def, ...base, kind: def.kind };
  }
}

function asObject(config: unknown): Config {
  return isRecord(config) ? config : {};
}
