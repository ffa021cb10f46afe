/**
 * Test support other projects' tests reuse (`@data-platform/replicator/testing`):
 * one environment as planned and as AWS answers for it, for infrastructure drift.
 */
export { deployedAnswers, type DeployedAnswers, locationOf, mockedAws, plannedStack } from './deployed-environment';
