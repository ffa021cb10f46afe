// A StackReference that cannot be read while nothing waits on it: the run must fail, not hang.
import * as pulumi from '@pulumi/pulumi';

new pulumi.StackReference('organization/missing/dev');
export const ok = 'exports do not depend on the reference';
