// The policy pack the Pulumi CLI runs: `pulumi preview --policy-pack tools/guardrails/pack`.
// Constructing a PolicyPack starts its gRPC server, so this is the only file that does.
import { PolicyPack } from '@pulumi/policy';
import { guardrailPolicies } from '../src/policies';

new PolicyPack('data-platform-guardrails', { policies: guardrailPolicies });
