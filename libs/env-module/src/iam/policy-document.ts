import { accountRootArn, parseArn } from '../naming/arns';

/** IAM policy JSON, typed just enough to build it by hand and read it back in tests. */
export type ConditionValue = string | boolean | readonly string[];
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, ConditionValue>>>>;

export type PolicyPrincipal = '*' | { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] };

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | readonly string[];
  /** Absent only in trust policies, which must not have one. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  const sids = new Set<string>();
  for (const statement of statements) {
    if (sids.has(statement.Sid)) {
      throw new Error(`policy document: statement id ${statement.Sid} is used twice`);
    }
    sids.add(statement.Sid);
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** Denies every request on `resources` not made over TLS (`aws:SecureTransport` false). */
export function denyInsecureTransport(action: string, resources: readonly string[]): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resources.length === 1 ? resources[0] : resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/**
 * Admits one role of another account by name. The principal is the account and
 * the role is pinned by `aws:PrincipalArn`: a policy naming the role itself would
 * be rejected until the role exists, and target stacks deploy before prod.
 */
export function crossAccountRolePrincipal(roleArn: string): Pick<PolicyStatement, 'Principal' | 'Condition'> {
  const arn = parseArn(roleArn);
  if (arn?.service !== 'iam' || arn.accountId === '' || !arn.resource.startsWith('role/')) {
    throw new Error(`crossAccountRolePrincipal: ${roleArn} is not an IAM role ARN`);
  }
  return {
    Principal: { AWS: accountRootArn(arn.partition, arn.accountId) },
    Condition: { ArnEquals: { 'aws:PrincipalArn': roleArn } },
  };
}
