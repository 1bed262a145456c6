/** Secret names: upper-case with underscores, like the environment variables they may come from. */
export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,99}$/;

/**
 * The secrets a node declared (`secrets: ['BILLING_API_KEY']`), read by name. Values
 * never reach the editor, API answers, logs or the audit: the host removes them from
 * every error, output and log line of the run.
 */
export interface NodeSecrets {
  /** The value; throws naming the secret when it is not set or was not declared. */
  get(name: string): string;
  /** Whether a declared secret is set (for nodes where it is optional). */
  has(name: string): boolean;
}

/** A secret a node asked for and cannot have. */
export class SecretError extends Error {
  constructor(
    message: string,
    readonly secret: string,
  ) {
    super(message);
    this.name = 'SecretError';
  }
}

export interface SecretsOptions {
  /** The node type, named in errors. */
  readonly nodeType: string;
  /** The names the node declared; reading any other is refused, so the catalog's list stays true. Absent: any name (tests). */
  readonly declared?: readonly string[] | undefined;
  /** Where to point an operator when a secret is missing. */
  readonly hint?: string;
}

/**
 * Secrets from values the host already loaded (only the declared ones).
 * @example
 * const secrets = secretsFrom({ BILLING_API_KEY: 'k' }, { nodeType: 'billing.suspend', declared: ['BILLING_API_KEY'] });
 * secrets.get('BILLING_API_KEY'); // 'k'
 */
export function secretsFrom(values: Readonly<Record<string, string | undefined>>, options: SecretsOptions): NodeSecrets {
  const declared = options.declared && new Set(options.declared);
  const check = (name: string) => {
    if (declared && !declared.has(name)) {
      throw new SecretError(
        `node ${options.nodeType} reads secret ${name} but does not declare it: add it to the node's \`secrets\` list`,
        name,
      );
    }
  };
  return {
    get(name) {
      check(name);
      const value = values[name];
      if (value === undefined || value === '') {
        throw new SecretError(
          `secret ${name} is not set (node ${options.nodeType})${options.hint ? `: ${options.hint.replaceAll('<NAME>', name)}` : ''}`,
          name,
        );
      }
      return value;
    },
    has(name) {
      check(name);
      const value = values[name];
      return value !== undefined && value !== '';
    },
  };
}

/**
 * Secrets that are never available in this step, e.g. in a dry-run (`simulate` does no
 * I/O, so it needs no keys) or for actions run inside the ticket's transaction.
 */
export function noSecrets(where: string): NodeSecrets {
  return {
    get(name) {
      throw new SecretError(`secret ${name} cannot be read ${where}`, name);
    },
    has: () => false,
  };
}
