import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { json, type Json, type Stored } from '../schema';
import { readStored } from './read-stored';
import { StoredDataError } from './stored-data-error';
import { defineStoredShape, STORED_VERSION_KEY } from './stored-shape';

// Version 0: `{ text }`; version 1 added `lang`; version 2 renamed `text` to `body`.
const noteShape = defineStoredShape({
  name: 'note',
  version: 2,
  schema: z.object({ body: z.string(), lang: z.string() }),
  migrations: [
    (v0) => ({ ...z.object({ text: z.string() }).parse(v0), lang: 'en' }),
    (v1) => {
      const { text, lang } = z.object({ text: z.string(), lang: z.string() }).parse(v1);
      return { body: text, lang };
    },
  ],
});
const at = { table: 'notes', key: 'n-1' };
const fromText = (text: string): unknown => JSON.parse(text);

describe('stored shapes', () => {
  it('round-trips a value written by the shape, recording its version in the row', () => {
    const text = noteShape.json({ body: 'hello', lang: 'zh-CN' });
    expect(fromText(text)).toEqual({ body: 'hello', lang: 'zh-CN', [STORED_VERSION_KEY]: 2 });
    expect(readStored(noteShape, fromText(text), at)).toEqual({ body: 'hello', lang: 'zh-CN' });
  });

  it('lifts a row without a version (0) and a version-1 row step by step to the current shape', () => {
    expect(readStored(noteShape, { text: 'old' }, at)).toEqual({ body: 'old', lang: 'en' });
    expect(readStored(noteShape, { text: 'mid', lang: 'fr', [STORED_VERSION_KEY]: 1 }, at)).toEqual({ body: 'mid', lang: 'fr' });
  });

  it('names the table, the row and the field of a value that does not parse', () => {
    const error = (() => {
      try {
        readStored(noteShape, { body: 42, lang: 'en', [STORED_VERSION_KEY]: 2 }, at);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoredDataError);
    expect(error).toMatchObject({ table: 'notes', key: 'n-1', shape: 'note', issues: [{ path: 'body' }] });
    expect(String(error)).toMatch(/stored note in notes row n-1 is invalid at body/);
  });

  it('refuses a version from the future, a failing migration and what is not an object', () => {
    expect(() => readStored(noteShape, { body: 'x', lang: 'en', [STORED_VERSION_KEY]: 3 }, at)).toThrow(
      /notes row n-1 is invalid at \$v: unknown version 3/,
    );
    expect(() => readStored(noteShape, { body: 'x', lang: 'en', [STORED_VERSION_KEY]: '2' }, at)).toThrow(StoredDataError);
    expect(() => readStored(noteShape, { nothing: true }, at)).toThrow(/migration from version 0 failed/);
    expect(() => readStored(noteShape, null, at)).toThrow(StoredDataError);
  });

  it('refuses a shape whose migrations do not cover every older version', () => {
    expect(() => defineStoredShape({ name: 'broken', version: 2, schema: z.object({}), migrations: [(v) => v] })).toThrow(
      /needs 2 migrations/,
    );
  });

  it('types writes: a column takes only its own shape, and a plain column only its own type', () => {
    const otherShape = defineStoredShape({ name: 'other', version: 1, schema: z.object({ n: z.number() }), migrations: [(v) => v] });
    const noteColumn = (text: Stored<'note'> extends { __insert__: infer I } ? I : never) => text;
    const tagsColumn = (text: Json<string[]> extends { __insert__: infer I } ? I : never) => text;
    noteColumn(noteShape.json({ body: 'b', lang: 'en' }));
    tagsColumn(json(['vip']));
    // @ts-expect-error the shape's json() takes the shape's type
    noteShape.json({ text: 'old' });
    // @ts-expect-error another shape's text
    noteColumn(otherShape.json({ n: 1 }));
    // @ts-expect-error plain JSON text has no version: a shape's column refuses it
    noteColumn(json({ body: 'b', lang: 'en' }));
    // @ts-expect-error a string is not JSON text
    noteColumn('{"body":"b"}');
    // @ts-expect-error an untyped value written into a typed column
    tagsColumn(json(JSON.parse('[]') as unknown));
    expect(true).toBe(true);
  });
});
