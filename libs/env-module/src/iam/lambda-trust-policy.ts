import { type PolicyDocument, policyDocument } from './policy-document';

/** Only Lambda, acting for this account, may assume a function's role (no confused deputy). */
export function lambdaTrustPolicy(accountId: string): PolicyDocument {
  return policyDocument([
    {
      Sid: 'LambdaAssumesFunctionRole',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    },
  ]);
}
