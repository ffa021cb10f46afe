import { conditionValues, isAnyPrincipal, matchesPattern, readPolicyDocument } from './policy-document';

describe('readPolicyDocument', () => {
  it('reads a JSON string and an object alike, with single values as lists', () => {
    const document = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' } };
    const expected = [
      { label: '#0', effect: 'Allow', actions: ['s3:GetObject'], notActions: [], resources: ['arn:aws:s3:::b/*'], notResources: [], principal: undefined, condition: {} },
    ];
    expect(readPolicyDocument(document)).toEqual(expected);
    expect(readPolicyDocument(JSON.stringify(document))).toEqual(expected);
  });

  it('keeps the Sid, principals and conditions', () => {
    const [statement] = readPolicyDocument({
      Statement: [{ Sid: 'Tls', Effect: 'Deny', Principal: { AWS: ['*'] }, Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } }],
    });
    expect(statement.label).toBe('Tls');
    expect(isAnyPrincipal(statement)).toBe(true);
    expect(conditionValues(statement, 'Bool', 'AWS:SECURETRANSPORT')).toEqual([false]);
    expect(conditionValues(statement, 'bool', 'aws:SecureTransport')).toEqual([]);
  });

  it.each([
    ['not JSON', '{', /^is not valid JSON \(/],
    ['not an object', '[]', /^is not a JSON object$/],
    ['no Statement', '{}', /^has no Statement$/],
    ['a bad Effect', '{"Statement":[{"Effect":"Permit"}]}', /^statement #0 has Effect "Permit"; expected Allow or Deny$/],
  ])('rejects a document that is %s', (_case, document, message) => {
    expect(() => readPolicyDocument(document)).toThrow(message);
  });
});

describe('matchesPattern', () => {
  it('matches IAM wildcards, ARNs case-sensitively and actions on request case-insensitively', () => {
    expect(matchesPattern('arn:aws:s3:::b/*', 'arn:aws:s3:::b/config/x')).toBe(true);
    expect(matchesPattern('arn:aws:s3:::b/?', 'arn:aws:s3:::b/x')).toBe(true);
    expect(matchesPattern('arn:aws:s3:::b/*', 'arn:aws:s3:::B/x')).toBe(false);
    expect(matchesPattern('S3:get*', 's3:GetObject', { caseInsensitive: true })).toBe(true);
    expect(matchesPattern('arn:aws:s3:::b.c', 'arn:aws:s3:::bxc')).toBe(false);
  });
});
