import type { ResourceValidationPolicy } from '@pulumi/policy';
import type { NormalizedStatement } from '../policy-document';
import { type DocumentKind, policyDocumentValidations } from '../policy-document-sources';
import { delegatesKeyToIam, isServiceWideAction } from './iam-least-privilege';

/**
 * DESIGN.md asks for named actions. A partial wildcard (`s3:Get*`,
 * `kms:GenerateDataKey*`) grants every action matching it, today and as AWS adds
 * more; AWS's own examples use some of them, so this is advisory, while `*` and
 * `service:*` are mandatory (iam-least-privilege).
 */
export const iamNamedActions: ResourceValidationPolicy = {
  name: 'iam-named-actions',
  description: 'Allow statements name their actions instead of matching them with a partial wildcard such as s3:Get* or kms:GenerateDataKey*.',
  enforcementLevel: 'advisory',
  // iam-least-privilege reports documents it cannot read.
  validateResource: policyDocumentValidations(namedActionProblems, { reportUnreadable: false }),
};

function namedActionProblems(kind: DocumentKind, statements: readonly NormalizedStatement[]): string[] {
  return statements
    .filter((statement) => statement.effect === 'Allow' && kind !== 'trust' && !delegatesKeyToIam(kind, statement))
    .flatMap((statement) => {
      const partial = statement.actions.filter((action) => action.includes('*') && !isServiceWideAction(action));
      return partial.length === 0 ? [] : [`, statement ${statement.label}: matches actions with ${partial.join(', ')}; name the actions it needs`];
    });
}
