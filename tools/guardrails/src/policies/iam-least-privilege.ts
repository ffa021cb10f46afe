import * as aws from '@pulumi/aws';
import { type ResourceValidationPolicy, validateResourceOfType } from '@pulumi/policy';
import { isAnyPrincipal, type NormalizedStatement } from '../policy-document';
import { type DocumentKind, policyDocumentValidations } from '../policy-document-sources';

/**
 * Actions for which the Service Authorization Reference lists no resource type:
 * IAM only accepts `"Resource": "*"` for them, so `*` is not a lack of scoping.
 */
export const ACTIONS_WITHOUT_RESOURCE_TYPES: ReadonlySet<string> = new Set(
  [
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
    'cloudwatch:PutMetricData',
    'cloudwatch:GetMetricData',
    'cloudwatch:GetMetricStatistics',
    'cloudwatch:ListMetrics',
    'ec2:DescribeNetworkInterfaces',
    'dynamodb:ListStreams',
    'dynamodb:ListTables',
    's3:ListAllMyBuckets',
    'sqs:ListQueues',
    'sns:ListTopics',
    'lambda:ListFunctions',
    'kms:CreateKey',
    'kms:ListKeys',
    'kms:ListAliases',
    'ssm:DescribeParameters',
    'secretsmanager:GetRandomPassword',
    'secretsmanager:ListSecrets',
    'sts:GetCallerIdentity',
    'tag:GetResources',
  ].map((action) => action.toLowerCase()),
);

/**
 * Least privilege (DESIGN.md "IAM roles"): every Allow statement names its actions
 * and the ARNs they act on. Deny statements may be broad (the TLS-only bucket
 * policy denies `s3:*`), and `*` stays legal where AWS accepts nothing narrower.
 */
export const iamLeastPrivilege: ResourceValidationPolicy = {
  name: 'iam-least-privilege',
  description:
    'No Allow statement in an IAM, bucket, queue, topic or key policy allows every action (*) or every action of a service (s3:*), uses NotAction/NotResource, an unscoped "*" resource where AWS supports a narrower one, or an unconditioned grant to every principal; Lambda permissions name one action and their source.',
  enforcementLevel: 'mandatory',
  validateResource: [
    ...policyDocumentValidations(documentProblems, { reportUnreadable: true }),
    validateResourceOfType(aws.lambda.Permission, (permission, args, reportViolation) => {
      for (const problem of lambdaPermissionProblems(permission)) {
        reportViolation(`Lambda permission ${args.name} ${problem}.`);
      }
    }),
  ],
};

/** What the statements of a policy document get wrong, each finishing "<subject>...". */
export function documentProblems(kind: DocumentKind, statements: readonly NormalizedStatement[]): string[] {
  return statements
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statementProblems(kind, statement).map((problem) => `, statement ${statement.label}: ${problem}`));
}

export function statementProblems(kind: DocumentKind, statement: NormalizedStatement): string[] {
  const problems: string[] = [];
  if (kind !== 'identity' && isAnyPrincipal(statement) && Object.keys(statement.condition).length === 0) {
    problems.push('allows every principal ("*") without a Condition');
  }
  if (kind === 'trust') {
    return problems;
  }
  if (statement.notActions.length > 0) {
    problems.push(`uses NotAction, which allows every action but ${statement.notActions.join(', ')}`);
  }
  const wildcards = statement.actions.filter((action) => isServiceWideAction(action) && !delegatesKeyToIam(kind, statement));
  if (wildcards.length > 0) {
    problems.push(`allows every action of ${wildcards.join(', ')}; name the actions it needs`);
  }
  if (statement.notResources.length > 0) {
    problems.push(`uses NotResource, which applies to every resource but ${statement.notResources.join(', ')}`);
  }
  if (kind === 'key') {
    return problems;
  }
  if (statement.resources.length === 0 && statement.notResources.length === 0) {
    problems.push('names no Resource');
  }
  const unscoped = statement.resources.filter(isUnscopedResource);
  const narrowable = statement.actions.filter((action) => !ACTIONS_WITHOUT_RESOURCE_TYPES.has(action.toLowerCase()));
  if (unscoped.length > 0 && narrowable.length > 0) {
    problems.push(`grants ${narrowable.join(', ')} on the unscoped resource ${unscoped.map((resource) => `"${resource}"`).join(', ')}; name the ARNs it needs`);
  }
  return problems;
}

/** `*` or `<service>:*`: every action, or every action of a service. */
export function isServiceWideAction(action: string): boolean {
  return action === '*' || /^[^:*]+:\*$/.test(action);
}

/**
 * The statement of AWS's default key policy: the account root gets `kms:*`, which
 * hands the key's permissions to IAM policies rather than granting them itself.
 */
export function delegatesKeyToIam(kind: DocumentKind, statement: NormalizedStatement): boolean {
  const principal = statement.principal;
  const roots = principal === '*' || principal === undefined ? [] : (principal['AWS'] ?? []);
  return (
    kind === 'key' &&
    roots.length > 0 &&
    roots.every((id) => /^(arn:[^:]+:iam::\d{12}:root|\d{12})$/.test(id)) &&
    statement.actions.every((action) => action.toLowerCase() === 'kms:*')
  );
}

/**
 * `*`, or an ARN that reaches every resource of its service or type
 * (`arn:aws:sqs:eu-west-1:111111111111:*`, `...:table/*`, `arn:aws:s3:::*`).
 */
export function isUnscopedResource(resource: string): boolean {
  if (resource === '*') {
    return true;
  }
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return false;
  }
  const rest = parts.slice(5).join(':');
  if (parts[2] === 's3') {
    return rest === '*' || rest === '*/*';
  }
  return rest === '*' || /^[A-Za-z-]+[/:]\*$/.test(rest);
}

function lambdaPermissionProblems(permission: { action?: string; principal?: string; sourceArn?: string }): string[] {
  const problems: string[] = [];
  if (typeof permission.action === 'string' && permission.action.includes('*')) {
    problems.push(`grants the wildcard action ${permission.action}; grant lambda:InvokeFunction`);
  }
  if (permission.principal === '*') {
    problems.push('lets every principal ("*") invoke the function');
  } else if (typeof permission.principal === 'string' && permission.principal.endsWith('.amazonaws.com') && !permission.sourceArn) {
    problems.push(`lets ${permission.principal} invoke the function on behalf of any resource; set sourceArn`);
  }
  return problems;
}
