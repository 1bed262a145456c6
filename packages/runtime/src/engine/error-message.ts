/**
 * What went wrong, for the audit and the dead-letter: the message and the causes under it
 * (fetch says only "fetch failed"; the cause says "connect ECONNREFUSED 127.0.0.1:4010").
 */
export function errorMessage(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof Error) {
      parts.push(e.message);
      e = e.cause;
    } else {
      parts.push(typeof e === 'string' ? e : JSON.stringify(e));
      break;
    }
  }
  return parts.join(': ');
}
