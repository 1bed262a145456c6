import { bilingual } from '@switchyard/flow';
import { z } from 'zod';

/** The request header that makes a write safe to retry (`POST /api/tickets`, `POST /api/tickets/{id}/events`). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** The answer header saying this answer is the first one again, replayed for a retry with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY_FORMAT = bilingual(
  'Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID is a good key)',
  'Idempotency-Key 须为 1 到 255 个可打印的 ASCII 字符（建议使用 UUID）',
);

/**
 * A client's idempotency key: 1 to 255 printable ASCII characters, unique per request it means
 * (the IETF draft "The Idempotency-Key HTTP Header Field"; a UUID is the usual choice).
 */
export const IdempotencyKey = z
  .string({ error: KEY_FORMAT })
  .max(255, { error: KEY_FORMAT })
  // `+`: not empty (one message for an empty key, not two).
  .regex(/^[\x20-\x7e]+$/, { error: KEY_FORMAT })
  .meta({
    description:
      'Makes the write safe to retry: a repeat with the same key and body within 24 h answers the first answer again ' +
      '(`Idempotent-Replayed: true`) and writes nothing; the same key with another body is a 422.',
    example: '5f0c6c1e-8f5e-4d7c-9a44-2b8f1f0f6a11',
  });

/** The headers of a keyed write: the key is optional, and without it the write is as it always was. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });
