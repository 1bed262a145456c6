/** The id of a field's error text, for `aria-describedby`. */
export const errorId = (field: string) => `rollout-error-${field.replace(/[^\w-]/g, '-')}`;

/** A field's error under it, read out with the field (`aria-describedby`), or nothing. */
export function FieldError({ field, text }: { field: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span className="field-error error small" id={errorId(field)} data-testid="field-error" data-field={field}>
      {text}
    </span>
  );
}

/** The props that tie an input to its error: described by it, and invalid while there is one. */
export const describedBy = (field: string, text: string | undefined) =>
  text ? { 'aria-describedby': errorId(field), 'aria-invalid': true } : {};
