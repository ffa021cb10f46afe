import { mandatoryViolations, type PlanDocument, type PlannedResource } from '../plan-document';
import { keySettings } from './resource-settings';

/**
 * The plan of one stack for people: a header that says the values are planned,
 * the resource tree with each resource's key settings, the stack outputs, and
 * the guardrail verdict.
 */
export function renderSummary(plan: PlanDocument): string {
  const lines = [
    `PLAN ${plan.fullyQualifiedName}   PLANNED values (offline, Pulumi mock runtime): nothing deployed, nothing read from AWS`,
    `  account ${plan.location.accountId}${plan.location.accountIsPlaceholder ? ' (placeholder)' : ''}, region ${plan.location.region}`,
    ...plan.stackReferences.map((reference) => `  StackReference ${reference.name} <- ${reference.plan}`),
    '',
    `Resources (${plan.resources.length})`,
    ...renderTree(plan.resources),
    '',
    'Outputs',
    ...renderOutputs(plan.outputs),
    '',
    ...renderVerdict(plan),
  ];
  return `${lines.join('\n')}\n`;
}

function renderTree(resources: readonly PlannedResource[]): string[] {
  const children = new Map<string | undefined, PlannedResource[]>();
  for (const resource of resources) {
    const siblings = children.get(resource.parent) ?? [];
    siblings.push(resource);
    children.set(resource.parent, siblings);
  }
  // Siblings by type, then name: a bucket next to its parts, whatever order the engine registered them in.
  for (const siblings of children.values()) {
    siblings.sort((a, b) => displayType(a.type).localeCompare(displayType(b.type)) || a.name.localeCompare(b.name));
  }
  const lines: string[] = [];
  const visit = (resource: PlannedResource, prefix: string, last: boolean, root: boolean): void => {
    const branch = root ? '' : last ? '└─ ' : '├─ ';
    lines.push(`${prefix}${branch}${displayType(resource.type)}  ${resource.name}`);
    const inner = root ? prefix : `${prefix}${last ? '   ' : '│  '}`;
    const kids = children.get(resource.urn) ?? [];
    const detailPrefix = `${inner}${kids.length > 0 ? '│' : ' '}    `;
    for (const setting of keySettings(resource)) {
      lines.push(`${detailPrefix}${setting}`);
    }
    kids.forEach((kid, index) => visit(kid, inner, index === kids.length - 1, false));
  };
  for (const resource of children.get(undefined) ?? []) {
    visit(resource, '', true, true);
  }
  return lines;
}

/** `aws:s3/bucket:Bucket` as the Pulumi CLI shows it: `aws:s3:Bucket`. */
export function displayType(type: string): string {
  const [pkg, module, name] = type.split(':');
  return name === undefined ? type : `${pkg}:${module.split('/')[0]}:${name}`;
}

function renderOutputs(outputs: Readonly<Record<string, unknown>>): string[] {
  const entries = Object.entries(outputs);
  if (entries.length === 0) {
    return ['  (none)'];
  }
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const width = Math.max(0, ...entries.filter(([, value]) => !isMap(value)).map(([key]) => key.length));
  return entries.flatMap(([key, value]) => {
    if (isMap(value)) {
      return [`  ${key}`, ...Object.entries(value).map(([inner, innerValue]) => `    ${inner}  ${formatValue(innerValue)}`)];
    }
    return [`  ${key.padEnd(width)}  ${formatValue(value)}`];
  });
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function renderVerdict(plan: PlanDocument): string[] {
  const { guardrails } = plan;
  const mandatory = mandatoryViolations(guardrails.violations).length;
  const advisory = guardrails.violations.length - mandatory;
  const headline = `Guardrails (${guardrails.policyPack}, ${guardrails.policies.length} policies): ${guardrails.passed ? 'PASSED' : 'FAILED'}, ${countOf(mandatory, 'mandatory violation')}${advisory > 0 ? `, ${advisory} advisory` : ''}`;
  const names = new Map(plan.resources.map((resource) => [resource.urn, `${displayType(resource.type)} ${resource.name}`]));
  return [
    headline,
    ...guardrails.violations.map(
      (violation) => `  [${violation.enforcementLevel}] ${violation.policyName}: ${violation.message}${violation.urn === undefined ? '' : `  (${names.get(violation.urn) ?? violation.urn})`}`,
    ),
  ];
}

/** `1 mandatory violation`, `2 mandatory violations`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
