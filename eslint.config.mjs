import nx from '@nx/eslint-plugin';

// Module boundaries (see README "Layout"): the contract is shared by both
// worlds; Pulumi code never imports the AWS SDK, Lambda code never imports Pulumi.
const depConstraints = [
  {
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: [],
    bannedExternalImports: ['@pulumi/*', '@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: ['type:contract'],
    bannedExternalImports: ['@pulumi/*'],
  },
  {
    sourceTag: 'type:infrastructure',
    onlyDependOnLibsWithTags: ['type:contract', 'type:offline'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:offline',
    onlyDependOnLibsWithTags: ['type:contract'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:policy',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:contract'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:contract', 'type:offline'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:contract', 'type:offline', 'type:testing'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:contract', 'type:offline', 'type:testing'],
    bannedExternalImports: ['@aws-sdk/*', '@aws-lambda-powertools/*'],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:contract', 'type:offline', 'type:policy'],
  },
  {
    // The operator CLI: the replication core and runtime, and the stack output contract.
    sourceTag: 'type:ops',
    onlyDependOnLibsWithTags: ['type:runtime', 'type:infrastructure', 'type:contract'],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/bin', '**/node_modules', '**/coverage', '.nx'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.*', 'jest.preset.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
