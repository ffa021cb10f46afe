import { crossAccountRolePrincipal, denyInsecureTransport, policyDocument } from './policy-document';

describe('policyDocument', () => {
  it('wraps statements in the 2012-10-17 language version', () => {
    const statement = denyInsecureTransport('sqs:*', ['arn:aws:sqs:eu-west-1:111111111111:q']);
    expect(policyDocument([statement])).toEqual({ Version: '2012-10-17', Statement: [statement] });
  });

  it('refuses two statements with one id', () => {
    const statement = denyInsecureTransport('sqs:*', ['arn:aws:sqs:eu-west-1:111111111111:q']);
    expect(() => policyDocument([statement, statement])).toThrow('policy document: statement id DenyInsecureTransport is used twice');
  });
});

describe('denyInsecureTransport', () => {
  it('denies everyone every listed action without TLS', () => {
    expect(denyInsecureTransport('s3:*', ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'])).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });
});

describe('crossAccountRolePrincipal', () => {
  it('names the role’s account as principal and pins the role by aws:PrincipalArn, so the role need not exist yet', () => {
    expect(crossAccountRolePrincipal('arn:aws:iam::111111111111:role/acme-config-replicator-prod')).toEqual({
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/acme-config-replicator-prod' } },
    });
  });

  it('takes the partition from the role ARN', () => {
    expect(crossAccountRolePrincipal('arn:aws-us-gov:iam::111111111111:role/acme-config-replicator-prod').Principal).toEqual({
      AWS: 'arn:aws-us-gov:iam::111111111111:root',
    });
  });

  it.each(['acme-config-replicator-prod', 'arn:aws:iam::111111111111:user/someone', 'arn:aws:s3:::bucket'])('refuses %s, which is not an IAM role ARN', (arn) => {
    expect(() => crossAccountRolePrincipal(arn)).toThrow(`crossAccountRolePrincipal: ${arn} is not an IAM role ARN`);
  });
});
