/** A key attribute's DynamoDB type: string, number or binary. */
export type KeyAttributeType = 'S' | 'N' | 'B';

export interface MetadataTableSchema {
  readonly hashKey: string;
  readonly rangeKey: string;
  readonly attributes: readonly { readonly name: string; readonly type: KeyAttributeType }[];
  readonly globalSecondaryIndexes: readonly {
    readonly name: string;
    readonly keySchemas: readonly { readonly attributeName: string; readonly keyType: 'HASH' | 'RANGE' }[];
    readonly projectionType: 'ALL' | 'KEYS_ONLY';
  }[];
}

/**
 * The metadata table's schema, the same in every environment: replication copies
 * items by key, so the environments' keys must never drift apart. Items are
 * addressed by `pk` (the entity, e.g. `pipeline#orders`) and `sk` (its facet,
 * e.g. `config`); `by-entity-type` lists the entities of one type.
 */
export const METADATA_TABLE_SCHEMA: MetadataTableSchema = {
  hashKey: 'pk',
  rangeKey: 'sk',
  attributes: [
    { name: 'pk', type: 'S' },
    { name: 'sk', type: 'S' },
    { name: 'entityType', type: 'S' },
  ],
  globalSecondaryIndexes: [
    {
      name: 'by-entity-type',
      keySchemas: [
        { attributeName: 'entityType', keyType: 'HASH' },
        { attributeName: 'pk', keyType: 'RANGE' },
      ],
      projectionType: 'ALL',
    },
  ],
};

/** DynamoDB refuses a schema whose keys use undefined attributes, or that defines attributes no key uses. */
export function schemaProblems(schema: MetadataTableSchema): string[] {
  const defined = schema.attributes.map((attribute) => attribute.name);
  const used = [schema.hashKey, schema.rangeKey, ...schema.globalSecondaryIndexes.flatMap((index) => index.keySchemas.map((key) => key.attributeName))];
  return [
    ...[...new Set(used)].filter((name) => !defined.includes(name)).map((name) => `key attribute ${name} is not defined`),
    ...defined.filter((name) => !used.includes(name)).map((name) => `attribute ${name} is defined but no key uses it`),
  ];
}
