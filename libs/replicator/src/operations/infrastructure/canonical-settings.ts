import { POLICY_STATEMENT_PREFIX, type Settings, TAG_SETTING_PREFIX } from './infrastructure-settings';

/**
 * The spelling both sides of an infrastructure comparison use. AWS answers in
 * PascalCase (`NoncurrentDays`), the offline plan holds Pulumi's camelCase inputs
 * (`noncurrentDays`) of the same API shapes, and AWS may store a policy's one-element
 * lists as strings: each helper turns either form into one text, so equal settings
 * read equal and a difference is a real one.
 */

export interface KeyElement {
  readonly attributeName: string;
  readonly keyType: string;
}

/** `pk HASH, sk RANGE`. */
export function keySchemaText(elements: readonly KeyElement[]): string {
  const order = (keyType: string): number => (keyType === 'HASH' ? 0 : 1);
  return [...elements]
    .sort((a, b) => order(a.keyType) - order(b.keyType))
    .map((element) => `${element.attributeName} ${element.keyType}`)
    .join(', ');
}

/** `entityType S, pk S, sk S` (DynamoDB does not keep the order of attribute definitions). */
export function attributesText(attributes: readonly { readonly name: string; readonly type: string }[]): string {
  return attributes
    .map((attribute) => `${attribute.name} ${attribute.type}`)
    .sort()
    .join(', ');
}

/** `entityType HASH, pk RANGE; projection ALL` or `...; projection INCLUDE a, b`. */
export function indexText(keys: readonly KeyElement[], projectionType: string | undefined, nonKeyAttributes: readonly string[] = []): string {
  const projected = nonKeyAttributes.length > 0 ? ` ${[...nonKeyAttributes].sort().join(', ')}` : '';
  return `${keySchemaText(keys)}; projection ${projectionType ?? 'ALL'}${projected}`;
}

export function onOff(enabled: boolean | undefined): 'on' | 'off' {
  return enabled === true ? 'on' : 'off';
}

/** `BlockPublicAcls on, IgnorePublicAcls on, BlockPublicPolicy on, RestrictPublicBuckets on`. */
export function publicAccessBlockText(block: {
  readonly blockPublicAcls?: boolean;
  readonly ignorePublicAcls?: boolean;
  readonly blockPublicPolicy?: boolean;
  readonly restrictPublicBuckets?: boolean;
}): string {
  return [
    `BlockPublicAcls ${onOff(block.blockPublicAcls)}`,
    `IgnorePublicAcls ${onOff(block.ignorePublicAcls)}`,
    `BlockPublicPolicy ${onOff(block.blockPublicPolicy)}`,
    `RestrictPublicBuckets ${onOff(block.restrictPublicBuckets)}`,
  ].join(', ');
}

/** `aws:kms, bucket key on`. */
export function bucketEncryptionText(algorithm: string | undefined, bucketKeyEnabled: boolean | undefined): string {
  return `${algorithm ?? 'none'}, bucket key ${onOff(bucketKeyEnabled)}`;
}

/**
 * A lifecycle rule without its id (the id names the setting), as canonical JSON:
 * keys in camelCase and sorted, leaves as text, empty values left out (AWS returns
 * an empty filter as `{ Prefix: '' }`, Pulumi as `{}`). Generic on purpose: a rule
 * someone added by hand with transitions or tag filters is compared in full, not
 * reduced to the fields this program happens to set.
 */
export function lifecycleRuleText(rule: Readonly<Record<string, unknown>>): string {
  const tree = { ...((canonicalTree(rule) ?? {}) as Record<string, unknown>) };
  delete tree['id'];
  return JSON.stringify(tree);
}

/** The id of a rule in either spelling (`ID` from AWS, `id` from Pulumi). */
export function lifecycleRuleId(rule: Readonly<Record<string, unknown>>, index: number): string {
  const id = rule['ID'] ?? rule['id'];
  return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
}

function canonicalTree(value: unknown): unknown {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    const members = value.map(canonicalTree).filter((member) => member !== undefined);
    return members.length === 0 ? undefined : members;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, member]) => [camelCase(key), canonicalTree(member)] as const)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return String(value);
}

/** `NoncurrentDays` -> `noncurrentDays`, `ID` -> `id`, `noncurrentDays` unchanged. */
function camelCase(key: string): string {
  return key === key.toUpperCase() ? key.toLowerCase() : key.charAt(0).toLowerCase() + key.slice(1);
}

const LIST_ELEMENTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/**
 * The statements of a bucket policy, by Sid (`#n` for a statement without one), each
 * as canonical JSON: lists sorted, a one-element list and its string equal, condition
 * values as text. Sid-keyed so that one changed statement is one finding.
 */
export function policyStatements(policy: string | undefined): Record<string, string> {
  if (policy === undefined || policy === '') {
    return {};
  }
  const document = JSON.parse(policy) as { Statement?: unknown };
  const statements = Array.isArray(document.Statement) ? document.Statement : document.Statement === undefined ? [] : [document.Statement];
  const result: Record<string, string> = {};
  statements.forEach((statement: Record<string, unknown>, index) => {
    const { Sid: sid, ...rest } = statement;
    const canonical = Object.fromEntries(
      Object.keys(rest)
        .sort()
        .map((element) => [element, canonicalPolicyElement(element, rest[element])]),
    );
    result[typeof sid === 'string' && sid !== '' ? sid : `#${index + 1}`] = JSON.stringify(canonical);
  });
  return result;
}

function canonicalPolicyElement(element: string, value: unknown): unknown {
  if (LIST_ELEMENTS.has(element)) {
    return sortedTexts(value);
  }
  if ((element === 'Principal' || element === 'NotPrincipal') && typeof value === 'object' && value !== null) {
    return mapValues(value as Record<string, unknown>, sortedTexts);
  }
  if (element === 'Condition' && typeof value === 'object' && value !== null) {
    return mapValues(value as Record<string, Record<string, unknown>>, (keys) => mapValues(keys as Record<string, unknown>, sortedTexts));
  }
  return value;
}

function sortedTexts(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(String).sort();
}

function mapValues<T>(object: Record<string, T>, map: (value: T) => unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, map(object[key] as T)]),
  );
}

/** `tag <key>` settings; tags in the reserved `aws:` namespace are AWS's, not the program's. */
export function tagSettings(tags: readonly { readonly Key?: string; readonly Value?: string }[]): Settings {
  return Object.fromEntries(
    tags.filter((tag) => tag.Key !== undefined && !tag.Key.startsWith('aws:')).map((tag) => [`${TAG_SETTING_PREFIX}${tag.Key}`, tag.Value ?? '']),
  );
}

/** `policy statement <Sid>` settings of a resource policy. */
export function policySettings(policy: string | undefined): Settings {
  return Object.fromEntries(Object.entries(policyStatements(policy)).map(([sid, statement]) => [`${POLICY_STATEMENT_PREFIX}${sid}`, statement]));
}
