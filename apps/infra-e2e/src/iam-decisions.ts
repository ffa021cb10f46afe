import { type EvaluationResult, runSimulation } from '@cloud-copilot/iam-simulate';
import { parseArn } from '@data-platform/env-module';

export interface SimulatedRequest {
  /** An IAM role ARN, or a service principal such as `events.amazonaws.com`. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource (S3 ARNs do not say). */
  readonly resourceAccount: string;
  readonly context?: Readonly<Record<string, string | string[]>>;
  /** The principal's identity policies, as deployed (captured role policies). */
  readonly identityPolicies?: readonly unknown[];
  /** The resource's policy, as deployed (bucket, queue, topic, key or table policy). */
  readonly resourcePolicy?: unknown;
}

/** What AWS would decide for one request, by the IAM policy simulator. Requests are made over TLS unless told otherwise. */
export async function decide(request: SimulatedRequest): Promise<EvaluationResult> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: { 'aws:SecureTransport': 'true', ...principalContext(request.principal), ...request.context },
      },
      identityPolicies: (request.identityPolicies ?? []).map((policy, index) => ({ name: `policy-${index}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(request.resourcePolicy === undefined ? {} : { resourcePolicy: request.resourcePolicy }),
    },
    {},
  );
  if (result.resultType === 'error') {
    throw new Error(`simulation of ${request.action} on ${request.resource} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult;
}

/** What AWS puts in every request of an IAM role; the simulator leaves it to the caller. */
function principalContext(principal: string): Record<string, string> {
  const arn = parseArn(principal);
  return arn?.service === 'iam' && arn.resource.startsWith('role/')
    ? { 'aws:PrincipalArn': principal, 'aws:PrincipalAccount': arn.accountId, 'aws:PrincipalType': 'AssumedRole' }
    : {};
}
