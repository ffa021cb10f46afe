import * as aws from '@pulumi/aws';
import { type ResourceValidation, validateResourceOfType } from '@pulumi/policy';
import type { Resource, Unwrap } from '@pulumi/pulumi';
import { PolicyDocumentError, type NormalizedStatement, readPolicyDocument } from './policy-document';

/** Where a policy document sits decides which rules apply to it. */
export type DocumentKind =
  /** Attached to an identity: every statement names its resources. */
  | 'identity'
  /** Attached to a bucket, queue or topic: also must not open it to anyone. */
  | 'resource'
  /** A KMS key policy: `Resource: "*"` means "this key" by definition. */
  | 'key'
  /** A role's trust policy: who may assume it. */
  | 'trust';

export interface PolicyDocumentSource {
  readonly subject: string;
  readonly kind: DocumentKind;
  readonly document: unknown;
}

/** What a document's statements get wrong, each problem finishing the sentence "<subject>...". */
export type DocumentCheck = (kind: DocumentKind, statements: readonly NormalizedStatement[]) => string[];

export interface DocumentCheckOptions {
  /** Report a document that cannot be read as a violation; otherwise skip it (another policy reports it). */
  readonly reportUnreadable: boolean;
}

/**
 * One validation per resource type that holds IAM policy documents: role trust and
 * inline policies, managed and inline identity policies, bucket, queue and topic
 * policies (separate resources or inline), and KMS key policies. Each document is
 * read once, and `check` gets its statements.
 */
export function policyDocumentValidations(check: DocumentCheck, options: DocumentCheckOptions): ResourceValidation[] {
  const documentsOf = <TResource extends Resource, TArgs>(
    resourceClass: Parameters<typeof validateResourceOfType<TResource, TArgs>>[0],
    documents: (props: Unwrap<NonNullable<TArgs>>, name: string) => PolicyDocumentSource[],
  ): ResourceValidation =>
    validateResourceOfType(resourceClass, (props, args, reportViolation) => {
      for (const { subject, kind, document } of documents(props, args.name)) {
        for (const problem of documentProblems(check, options, kind, document)) {
          reportViolation(`${subject}${problem}.`);
        }
      }
    });
  return [
    documentsOf(aws.iam.Role, (role, name) => [
      { subject: `IAM role ${name} trust policy`, kind: 'trust', document: role.assumeRolePolicy },
      ...(role.inlinePolicies ?? []).map((inline) => ({ subject: `IAM role ${name} inline policy ${inline.name ?? ''}`.trim(), kind: 'identity' as const, document: inline.policy })),
    ]),
    documentsOf(aws.iam.Policy, (policy, name) => [{ subject: `IAM policy ${name}`, kind: 'identity', document: policy.policy }]),
    documentsOf(aws.iam.RolePolicy, (policy, name) => [{ subject: `IAM role policy ${name}`, kind: 'identity', document: policy.policy }]),
    documentsOf(aws.iam.UserPolicy, (policy, name) => [{ subject: `IAM user policy ${name}`, kind: 'identity', document: policy.policy }]),
    documentsOf(aws.iam.GroupPolicy, (policy, name) => [{ subject: `IAM group policy ${name}`, kind: 'identity', document: policy.policy }]),
    documentsOf(aws.s3.BucketPolicy, (policy, name) => [{ subject: `S3 bucket policy ${name}`, kind: 'resource', document: policy.policy }]),
    documentsOf(aws.sqs.QueuePolicy, (policy, name) => [{ subject: `SQS queue policy ${name}`, kind: 'resource', document: policy.policy }]),
    documentsOf(aws.sqs.Queue, (queue, name) => [{ subject: `SQS queue ${name} policy`, kind: 'resource', document: queue.policy }]),
    documentsOf(aws.sns.TopicPolicy, (policy, name) => [{ subject: `SNS topic policy ${name}`, kind: 'resource', document: policy.policy }]),
    documentsOf(aws.sns.Topic, (topic, name) => [{ subject: `SNS topic ${name} policy`, kind: 'resource', document: topic.policy }]),
    documentsOf(aws.kms.Key, (key, name) => [{ subject: `KMS key ${name} policy`, kind: 'key', document: key.policy }]),
  ];
}

function documentProblems(check: DocumentCheck, options: DocumentCheckOptions, kind: DocumentKind, document: unknown): string[] {
  if (document === undefined || document === '') {
    return [];
  }
  let statements: NormalizedStatement[];
  try {
    statements = readPolicyDocument(document);
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) {
      throw error;
    }
    return options.reportUnreadable ? [`: the policy document ${error.message}`] : [];
  }
  return check(kind, statements);
}
