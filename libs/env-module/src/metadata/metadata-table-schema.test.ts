import { METADATA_TABLE_SCHEMA, schemaProblems } from './metadata-table-schema';

describe('METADATA_TABLE_SCHEMA', () => {
  it('is a schema DynamoDB accepts', () => {
    expect(schemaProblems(METADATA_TABLE_SCHEMA)).toEqual([]);
  });

  it('is caught when a key uses an undefined attribute or an attribute is unused', () => {
    expect(
      schemaProblems({ ...METADATA_TABLE_SCHEMA, attributes: [{ name: 'pk', type: 'S' }, { name: 'sk', type: 'S' }, { name: 'extra', type: 'N' }] }),
    ).toEqual(['key attribute entityType is not defined', 'attribute extra is defined but no key uses it']);
  });
});
