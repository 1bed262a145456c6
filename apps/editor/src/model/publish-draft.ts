/** How a publish ended: published, not sent because the draft could not be saved, or refused by the server. */
export type PublishOutcome<V> =
  | { readonly kind: 'published'; readonly published: V }
  | { readonly kind: 'notSaved'; readonly error: unknown }
  | { readonly kind: 'refused'; readonly error: unknown };

/**
 * Saves the draft, then publishes exactly the revision that save left: a draft that could not
 * be saved is never published (the server would publish the last draft it had, not this one).
 * @example const outcome = await publishDraft(() => saver.flush(), (revision) => api.publish(id, revision));
 */
export async function publishDraft<V>(
  flush: () => Promise<{ readonly revision: number }>,
  publish: (revision: number) => Promise<V>,
): Promise<PublishOutcome<V>> {
  let revision: number;
  try {
    ({ revision } = await flush());
  } catch (error) {
    return { kind: 'notSaved', error };
  }
  try {
    return { kind: 'published', published: await publish(revision) };
  } catch (error) {
    return { kind: 'refused', error };
  }
}
