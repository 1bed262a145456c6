/**
 * Folds text for matching: NFKC turns full-width Latin and digits (ＵＲＧＥＮＴ, １２３)
 * into ASCII, and Latin is lower-cased. Chinese needs no word splitting: matching is by
 * substring.
 * @example normalizeText('ＲＥＦＵＮＤ 退款') // "refund 退款"
 */
export function normalizeText(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    // Every flow reads the same subject and body: fold each text once, in a bounded cache.
    if (folds.size >= FOLD_CACHE_SIZE) folds.clear();
    folded = text.normalize('NFKC').toLowerCase();
    folds.set(text, folded);
  }
  return folded;
}

// Room for a few hundred tickets' subjects, bodies and messages: a dry-run of a ticket file reads each again in every flow.
const FOLD_CACHE_SIZE = 4_096;
const folds = new Map<string, string>();

/**
 * The first keyword found in the text (substring, case-insensitive for Latin), or undefined.
 * @example firstKeyword('订单一直打不开', ['无法打开', '打不开']) // "打不开"
 */
export function firstKeyword(text: string, keywords: readonly string[]): string | undefined {
  const haystack = normalizeText(text);
  const needles = foldedKeywords(keywords);
  for (let i = 0; i < keywords.length; i++) {
    const needle = needles[i];
    if (needle !== undefined && needle !== '' && haystack.includes(needle)) return keywords[i];
  }
  return undefined;
}

/** A node's keywords folded once per config (its array lives as long as the flow version), not on every event. */
const keywordFolds = new WeakMap<readonly string[], readonly string[]>();

function foldedKeywords(keywords: readonly string[]): readonly string[] {
  let folded = keywordFolds.get(keywords);
  if (!folded) {
    folded = keywords.map((k) => (k.trim() === '' ? '' : normalizeText(k.trim())));
    keywordFolds.set(keywords, folded);
  }
  return folded;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True when the text contains Chinese characters; replies pick their language from it. */
export function isChinese(text: string): boolean {
  return CJK.test(text);
}

const ORDER_NUMBER = /DD\d+/i;

/**
 * The ticket's order number: its `orderId`, or "DD" followed by digits in subject or body.
 * @example findOrderNumber({ subject: '查物流', body: '订单 dd2024001' }) // "DD2024001"
 */
export function findOrderNumber(ticket: { orderId?: string | undefined; subject: string; body: string }): string | undefined {
  if (ticket.orderId) return ticket.orderId;
  const match = ORDER_NUMBER.exec(`${ticket.subject}\n${ticket.body}`.normalize('NFKC'));
  return match ? match[0].toUpperCase() : undefined;
}
