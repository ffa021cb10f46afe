import { type NormalizedStatement, readPolicyDocument } from '@data-platform/guardrails';

/** One line per statement of a policy document: effect, principal, actions, resources, condition. */
export function describePolicyDocument(document: unknown): string[] {
  let statements: NormalizedStatement[];
  try {
    statements = readPolicyDocument(document);
  } catch (error) {
    return [`(policy document ${(error as Error).message})`];
  }
  return statements.map(describeStatement);
}

function describeStatement(statement: NormalizedStatement): string {
  const parts: string[] = [statement.effect];
  if (statement.principal !== undefined) {
    parts.push(`to ${describePrincipal(statement.principal)}`);
  }
  if (statement.actions.length > 0) {
    parts.push(statement.actions.join(', '));
  }
  if (statement.notActions.length > 0) {
    parts.push(`every action except ${statement.notActions.join(', ')}`);
  }
  if (statement.resources.length > 0) {
    parts.push(`on ${statement.resources.join(', ')}`);
  }
  if (statement.notResources.length > 0) {
    parts.push(`on every resource except ${statement.notResources.join(', ')}`);
  }
  const conditions = Object.entries(statement.condition).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => `${operator} ${key}=${values.map(String).join('|')}`),
  );
  if (conditions.length > 0) {
    parts.push(`when ${conditions.join(' and ')}`);
  }
  return parts.join(' ');
}

function describePrincipal(principal: NonNullable<NormalizedStatement['principal']>): string {
  if (principal === '*') {
    return '*';
  }
  return Object.entries(principal)
    .map(([type, ids]) => `${type}:${ids.join('|')}`)
    .join(', ');
}
