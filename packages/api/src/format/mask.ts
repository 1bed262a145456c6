/**
 * Masking of customer data for people who may not see it in clear (and for logs and the
 * audit, which nobody may). Pure and browser-safe: the server masks ticket answers with it
 * and the editor can mask what it shows the same way.
 */

const STAR = '*';

/**
 * A phone number with only its first 3 and last 4 digits shown (a `+86` prefix and the
 * separators are kept); shorter numbers keep their last 2 digits.
 * @example maskPhone('13812345678'); // '138****5678'
 */
export function maskPhone(phone: string): string {
  const prefix = /^\+\d{1,3}[ -]?/.exec(phone)?.[0] ?? '';
  const rest = phone.slice(prefix.length);
  const digits = rest.replace(/\D/g, '').length;
  const [head, tail] = digits >= 10 ? [3, 4] : digits >= 7 ? [0, 4] : [0, Math.min(2, digits)];
  let seen = 0;
  const masked = [...rest]
    .map((char) => {
      if (!/\d/.test(char)) return char;
      seen += 1;
      return seen <= head || seen > digits - tail ? char : STAR;
    })
    .join('');
  return prefix + masked;
}

/**
 * An email address with the first character of its local part shown.
 * @example maskEmail('wang.li@example.com'); // 'w***@example.com'
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskWord(email);
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/**
 * A name with its first character shown, one star for each other (at least one).
 * @example maskName('王小明'); // '王**'
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  return chars[0] + STAR.repeat(Math.max(1, Math.min(chars.length - 1, 8)));
}

/**
 * A contact however it was given: an email, a phone number, or else a word masked like a name.
 * @example maskContact('+86 138 1234 5678'); // '+86 138 **** 5678'
 */
export function maskContact(contact: string): string {
  if (/^[^\s@]+@[^\s@]+$/.test(contact.trim())) return maskEmail(contact.trim());
  if (contact.replace(/\D/g, '').length >= 7 && /^[\d\s()+-]+$/.test(contact.trim())) return maskPhone(contact.trim());
  return maskWord(contact);
}

function maskWord(text: string): string {
  return text.length <= 1 ? STAR : `${text.slice(0, 1)}***`;
}

// Neither a letter nor a digit before or after: `DD20260501001` is an order number, not a phone.
const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
const ID_CARD = new RegExp(`${EDGE_BEFORE}\\d{17}[\\dXx]${EDGE_AFTER}`, 'g');
// Groups of four may be spaced, never dashed: a UUID's digit-only groups must not read as a card.
const BANK_CARD = new RegExp(`${EDGE_BEFORE}\\d{4}(?: ?\\d{4}){3}(?: ?\\d{1,3})?${EDGE_AFTER}`, 'g');
const MOBILE = new RegExp(`${EDGE_BEFORE}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${EDGE_AFTER}`, 'g');
const LANDLINE = new RegExp(`${EDGE_BEFORE}(?:\\(0\\d{2,3}\\)|0\\d{2,3}-)[ ]?\\d{7,8}${EDGE_AFTER}`, 'g');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECKS = '10X98765432';

/** Whether 18 characters are a Chinese resident ID number (GB 11643 check character). */
export function isChineseIdNumber(text: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(text[i]), 0);
  return ID_CHECKS[sum % 11] === text[17]?.toUpperCase();
}

/** Whether a digit string passes the Luhn check bank cards carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Keeps the first `head` and last `tail` digits, stars for the others (separators kept). */
function keepEnds(text: string, head: number, tail: number): string {
  const total = text.replace(/[^\dXx]/g, '').length;
  let seen = 0;
  return [...text]
    .map((char) => {
      if (!/[\dXx]/.test(char)) return char;
      seen += 1;
      return seen <= head || seen > total - tail ? char : STAR;
    })
    .join('');
}

/**
 * Masks the personal data people write into messages: Chinese ID-card numbers (checked),
 * bank-card numbers (16-19 digits passing Luhn), mobile numbers (with or without +86),
 * landlines with an area code, and email addresses. Order numbers and other codes that run
 * into letters are left alone.
 * @example maskSensitiveText('手机13812345678，订单DD20260501001'); // '手机138****5678，订单DD20260501001'
 */
export function maskSensitiveText(text: string): string {
  if (!/\d|@/.test(text)) return text;
  return text
    .replace(ID_CARD, (id) => (isChineseIdNumber(id) ? keepEnds(id, 3, 4) : id))
    .replace(BANK_CARD, (card) => (passesLuhn(card.replace(/\D/g, '')) ? keepEnds(card, 4, 4) : card))
    .replace(MOBILE, (phone) => maskPhone(phone))
    .replace(LANDLINE, (phone) => phone.replace(/\d{7,8}$/, (local) => `${STAR.repeat(local.length - 4)}${local.slice(-4)}`))
    .replace(EMAIL, (email) => maskEmail(email));
}

/** How `maskSensitiveValue` treats an object that is neither plain nor an array (a logger turns an `Error` into its fields). */
export type MaskUnwrap = (value: object) => unknown;

/**
 * `maskSensitiveText` applied to every string deep inside plain objects and arrays; other
 * values are kept, or first replaced by what `unwrap` makes of them. A cycle becomes
 * `'[Circular]'`. The result has the shape of the input.
 * @example maskSensitiveValue({ params: { body: '电话 13812345678' } }); // { params: { body: '电话 138****5678' } }
 */
export function maskSensitiveValue<T>(value: T, unwrap?: MaskUnwrap): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- only strings change: the walk keeps every object's and array's shape
  return walk(value, unwrap, new WeakSet()) as T;
}

function walk(value: unknown, unwrap: MaskUnwrap | undefined, path: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskSensitiveText(value);
  if (typeof value !== 'object' || value === null) return value;
  const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
  if (!plain) {
    const unwrapped = unwrap?.(value) ?? value;
    return unwrapped === value ? value : walk(unwrapped, unwrap, path);
  }
  if (path.has(value)) return '[Circular]';
  path.add(value);
  const masked = Array.isArray(value)
    ? value.map((inner) => walk(inner, unwrap, path))
    : Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner, unwrap, path)]));
  path.delete(value);
  return masked;
}
