import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/api-client';
import type { SecretView } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { MAX_SECRET_LENGTH, secretNameProblem, secretValueProblem } from '../model/secret-rows';

interface SetSecretFormProps {
  /** The secret to set; absent: the form asks for a new name too. */
  readonly name?: string;
  readonly onSaved: (secret: SecretView) => void;
}

/**
 * Sets a secret's value through a password input. Write-only: the input is uncontrolled (the
 * value never enters React state nor a DOM attribute) and is cleared once the server took it.
 */
export function SetSecretForm({ name, onSaved }: SetSecretFormProps) {
  const { t } = useI18n();
  // Already in the page language: a checked field's text, or the server's refusal.
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const label = name ? t('secrets.valueFor', { name }) : t('secrets.value');

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const field = (key: string) => {
      const entry = data.get(key);
      return typeof entry === 'string' ? entry : '';
    };
    const target = name ?? field('name').trim();
    const value = field('value');
    const bad = (name ? null : secretNameProblem(target)) ?? secretValueProblem(value);
    if (bad) return setProblem(t(bad));
    setBusy(true);
    setProblem(null);
    try {
      const saved = await api.putSecret(target, value);
      form.reset();
      onSaved(saved);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const described = problem ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  return (
    <form
      className="set-secret row wrap"
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid={name ? `set-secret-${name}` : 'new-secret'}
    >
      {!name && (
        <label>
          {t('secrets.name')}
          <input name="name" autoComplete="off" spellCheck={false} placeholder="CRM_API_TOKEN" {...described} />
        </label>
      )}
      <label>
        <span className={name ? 'visually-hidden' : undefined}>{label}</span>
        <input
          name="value"
          type="password"
          autoComplete="new-password"
          maxLength={MAX_SECRET_LENGTH}
          {...(name ? { 'aria-label': label } : {})}
          {...described}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('secrets.saving') : name ? t('secrets.save') : t('secrets.add')}
      </button>
      {problem && (
        <span className="field-error error small" id={errorId} role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
