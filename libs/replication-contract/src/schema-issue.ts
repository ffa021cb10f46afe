import { safeParse } from 'zod/mini';
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core';

/** A validation failure as the contract reports it: which field, what value, which rule. */
export interface SchemaIssue {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}

/**
 * Parses with a Zod schema (zod/mini: tree-shaken, about 20 KB in a bundle where
 * classic Zod adds about 450 KB) and reports the first problem as field, value and rule,
 * so every error message names all three. `root` names the value as a whole
 * (`detail`, `REPLICATION_TARGETS`); nested fields read `detail.subject.key`, `targets[1].environment`.
 */
export function parseWithSchema<Schema extends $ZodType>(
  schema: Schema,
  value: unknown,
  root: string,
  toError: (issue: SchemaIssue) => Error,
): output<Schema> {
  const result = safeParse(schema, value, { reportInput: true });
  if (result.success) {
    return result.data;
  }
  const [issue] = result.error.issues as [$ZodIssue];
  const field = issue.path.reduce<string>((path, part) => (typeof part === 'number' ? `${path}[${part}]` : `${path}.${String(part)}`), root);
  // A discriminated union reports the whole object; the value that failed is its discriminator.
  const discriminator = issue.code === 'invalid_union' ? issue.path.at(-1) : undefined;
  const input = issue.input as Record<PropertyKey, unknown> | undefined;
  const failed = discriminator !== undefined && typeof input === 'object' && input !== null ? input[discriminator] : issue.input;
  throw toError({ field, value: failed, rule: issue.message });
}

/** A value shown in an error message: JSON, cut to 80 characters. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    return String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
