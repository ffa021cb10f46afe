export { CommittedStackError, committedStack, deployOrder, dependentsOf, pulumiProjectsInDeployOrder, type PulumiProject } from './pulumi-projects.cjs';
