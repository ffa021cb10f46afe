import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('reads repeated project dirs and config overrides, with defaults', () => {
    expect(parseCliOptions(['--project-dir', 'apps/infra-dev', '--project-dir', 'apps/infra-prod', '--config', 'platform:logRetentionDays=30', '--json'])).toEqual({
      projectDirs: ['apps/infra-dev', 'apps/infra-prod'],
      stack: undefined,
      program: undefined,
      json: true,
      verbose: false,
      outDir: 'dist/plan',
      organization: undefined,
      policyConfig: undefined,
      configOverrides: { 'platform:logRetentionDays': '30' },
      help: false,
    });
  });

  it('keeps everything after the first = in a config value', () => {
    expect(parseCliOptions(['--project-dir', 'a', '--config', 'platform:tags={"a":"b=c"}']).configOverrides).toEqual({ 'platform:tags': '{"a":"b=c"}' });
  });

  it.each([
    [[], '--project-dir is required'],
    [['--project-dir', 'a', '--bogus'], "Unknown option '--bogus'"],
    [['--project-dir', 'a', '--project-dir', 'b', '--stack', 'dev'], '--stack and --program apply to one --project-dir only'],
    [['--project-dir', 'a', '--config', 'noNamespace=1'], '--config noNamespace=1: expected <namespace:key>=<value>'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(message);
  });

  it('needs no project dir for --help', () => {
    expect(parseCliOptions(['--help']).help).toBe(true);
  });
});
