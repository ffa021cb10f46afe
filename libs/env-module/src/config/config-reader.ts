/** Fully-qualified config keys (`platform:company`, `aws:region`) to the strings Pulumi hands the program. */
export type ConfigSource = Readonly<Record<string, string | undefined>>;

/** Every problem found in a stack's config, reported together so one edit fixes them all. */
export class EnvironmentConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid stack configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvironmentConfigError';
  }
}

/** A whole-number rule: a range, or a list of allowed values. */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Shown in the rule: "a whole number of <unit> from min to max". */
  readonly unit?: string;
  /** When set, only these values are allowed (CloudWatch Logs retention periods). */
  readonly allowed?: readonly number[];
  /** When set, the value must also be a multiple of this (alarm periods: whole minutes). */
  readonly multipleOf?: number;
  /** Extra wording appended to the rule, such as why the limit exists. */
  readonly note?: string;
}

export function describeNumberRule(rule: NumberRule): string {
  const range = `from ${rule.min} to ${rule.max}`;
  const base =
    rule.allowed !== undefined
      ? `must be one of ${rule.allowed.join(', ')}`
      : rule.multipleOf !== undefined
        ? `must be a multiple of ${rule.multipleOf}${rule.unit === undefined ? '' : ` ${rule.unit}`} ${range}`
        : `must be a whole number${rule.unit === undefined ? '' : ` of ${rule.unit}`} ${range}`;
  return rule.note === undefined ? base : `${base} (${rule.note})`;
}

/**
 * Reads raw config values and collects problems instead of throwing at the first,
 * each worded `<key>=<value> is invalid: <rule>`.
 */
export class ConfigReader {
  readonly problems: string[] = [];

  constructor(private readonly source: ConfigSource) {}

  raw(key: string): string | undefined {
    return this.source[key];
  }

  keys(): string[] {
    return Object.keys(this.source).filter((key) => this.source[key] !== undefined);
  }

  invalid(key: string, value: unknown, rule: string): void {
    this.problems.push(`${key}=${show(value)} is invalid: ${rule}`);
  }

  note(problem: string): void {
    this.problems.push(problem);
  }

  /** A required string that must pass `check`; undefined (with a problem) otherwise. A type guard narrows the result. */
  requiredString<T extends string>(key: string, check: (value: string) => value is T, rule: string): T | undefined;
  requiredString(key: string, check: StringCheck, rule: string): string | undefined;
  requiredString(key: string, check: StringCheck, rule: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) {
      this.problems.push(`${key} is required and ${rule}: set it with \`pulumi config set ${key} <value>\``);
      return undefined;
    }
    if (!passes(check, value)) {
      this.invalid(key, value, rule);
      return undefined;
    }
    return value;
  }

  optionalString(key: string, check: StringCheck, rule: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) {
      return undefined;
    }
    if (!passes(check, value)) {
      this.invalid(key, value, rule);
      return undefined;
    }
    return value;
  }

  /** A whole number within `rule`, given as a number or a string of digits. */
  number(key: string, value: unknown, rule: NumberRule, fallback: number): number {
    const parsed = toNumber(value);
    const ok =
      parsed !== undefined &&
      Number.isInteger(parsed) &&
      (rule.allowed !== undefined ? rule.allowed.includes(parsed) : parsed >= rule.min && parsed <= rule.max) &&
      (rule.multipleOf === undefined || parsed % rule.multipleOf === 0);
    if (!ok) {
      this.invalid(key, parsed ?? value, describeNumberRule(rule));
      return fallback;
    }
    return parsed;
  }

  /** A structured value: a JSON object whose fields are checked against `rules`, over `defaults`. */
  numbers<K extends string>(key: string, rules: Readonly<Record<K, NumberRule>>, defaults: Readonly<Record<K, number>>): Record<K, number> {
    const result = { ...defaults } as Record<K, number>;
    const raw = this.raw(key);
    if (raw === undefined) {
      return result;
    }
    const fields = Object.keys(rules) as K[];
    const value = parseJson(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.invalid(key, value ?? raw, `must be a map with any of ${fields.join(', ')}`);
      return result;
    }
    for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      if (!(fields as string[]).includes(field)) {
        this.problems.push(`${key}.${field} is not a known setting: expected one of ${fields.join(', ')}`);
        continue;
      }
      result[field as K] = this.number(`${key}.${field}`, fieldValue, rules[field as K], defaults[field as K]);
    }
    return result;
  }

  /** A list of strings (a YAML list reaches the program as a JSON array). */
  stringList(key: string, rule: string): string[] | undefined {
    const raw = this.raw(key);
    if (raw === undefined) {
      return undefined;
    }
    const value = parseJson(raw);
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
      this.invalid(key, value ?? raw, rule);
      return undefined;
    }
    return value as string[];
  }
}

/** A pattern the whole value must match, or a predicate. */
export type StringCheck = RegExp | ((value: string) => boolean);

function passes(check: StringCheck, value: string): boolean {
  return typeof check === 'function' ? check(value) : check.test(value);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

/** A raw config value parsed as JSON (structured values arrive as JSON text); undefined if it is not JSON. */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    return String(value);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
