/**
 * Reads IAM policy documents as AWS evaluates them. Programs pass them as JSON
 * strings (`JSON.stringify`, `pulumi.jsonStringify`) or, for some inputs, as
 * objects; single values and lists are both legal wherever AWS allows a list.
 */

export type Effect = 'Allow' | 'Deny';

/**
 * One statement read back from a policy document, in one shape whichever of the
 * forms AWS allows was written: every list a list, every key present. (The env module's
 * `PolicyStatement` is the other direction: the JSON it writes.)
 */
export interface NormalizedStatement {
  /** `Sid`, or `#<index>` when the statement has none, to name it in messages. */
  readonly label: string;
  readonly effect: Effect;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** `*` for `"Principal": "*"`; otherwise principal type (`AWS`, `Service`, ...) to ids. */
  readonly principal: '*' | Readonly<Record<string, readonly string[]>> | undefined;
  /** Operator (`Bool`, `ArnEquals`, ...) to condition key to values, as written. */
  readonly condition: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;
}

export class PolicyDocumentError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'PolicyDocumentError';
  }
}

/** Parses a policy document (JSON string or object) into its statements; throws `PolicyDocumentError`. */
export function readPolicyDocument(document: unknown): NormalizedStatement[] {
  let parsed: unknown = document;
  if (typeof document === 'string') {
    try {
      parsed = JSON.parse(document);
    } catch (error) {
      throw new PolicyDocumentError(`is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isRecord(parsed)) {
    throw new PolicyDocumentError('is not a JSON object');
  }
  const statements = parsed['Statement'];
  if (statements === undefined) {
    throw new PolicyDocumentError('has no Statement');
  }
  return asList(statements).map((statement, index) => readStatement(statement, index));
}

function readStatement(statement: unknown, index: number): NormalizedStatement {
  if (!isRecord(statement)) {
    throw new PolicyDocumentError(`statement #${index} is not an object`);
  }
  const effect = statement['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new PolicyDocumentError(`statement #${index} has Effect ${JSON.stringify(effect)}; expected Allow or Deny`);
  }
  const sid = statement['Sid'];
  return {
    label: typeof sid === 'string' && sid !== '' ? sid : `#${index}`,
    effect,
    actions: strings(statement['Action']),
    notActions: strings(statement['NotAction']),
    resources: strings(statement['Resource']),
    notResources: strings(statement['NotResource']),
    principal: readPrincipal(statement['Principal']),
    condition: readCondition(statement['Condition']),
  };
}

function readPrincipal(principal: unknown): NormalizedStatement['principal'] {
  if (principal === undefined) {
    return undefined;
  }
  if (principal === '*') {
    return '*';
  }
  if (!isRecord(principal)) {
    throw new PolicyDocumentError(`has a Principal that is neither "*" nor an object`);
  }
  return Object.fromEntries(Object.entries(principal).map(([type, ids]) => [type, strings(ids)]));
}

function readCondition(condition: unknown): NormalizedStatement['condition'] {
  if (condition === undefined) {
    return {};
  }
  if (!isRecord(condition)) {
    throw new PolicyDocumentError('has a Condition that is not an object');
  }
  return Object.fromEntries(
    Object.entries(condition).map(([operator, keys]) => [
      operator,
      isRecord(keys) ? Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, asList(values)])) : {},
    ]),
  );
}

/** Whether the statement applies to every principal (`"*"` or `{"AWS": "*"}`). */
export function isAnyPrincipal(statement: NormalizedStatement): boolean {
  const { principal } = statement;
  return principal === '*' || (principal?.['AWS'] ?? []).includes('*');
}

/**
 * The values a statement's condition gives a key under one operator. Operators are
 * case-sensitive in IAM, condition keys are not.
 */
export function conditionValues(statement: NormalizedStatement, operator: string, key: string): readonly unknown[] {
  const keys = statement.condition[operator] ?? {};
  const wanted = key.toLowerCase();
  return Object.entries(keys)
    .filter(([name]) => name.toLowerCase() === wanted)
    .flatMap(([, values]) => values);
}

/**
 * Whether an IAM pattern (with `*` and `?` wildcards) matches a value. Action names
 * match case-insensitively, ARNs case-sensitively, as in IAM.
 */
export function matchesPattern(pattern: string, value: string, options: { caseInsensitive?: boolean } = {}): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'i' : '').test(value);
}

function strings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === 'string');
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
