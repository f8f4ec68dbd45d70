// The committed schema is the one the code builds, and every part of it is described.
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  GraphQLSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLNamedType,
  type IntrospectionQuery,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema, subgraphSchema } from '../src/schema/index.js';
import { printedSchema, printedSubgraph, SCHEMA_FILE, SUBGRAPH_FILE, withoutFederationFields } from '../src/schema/print.js';
import { useStack } from './support/stack.js';

function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description?.trim()) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema/schema.graphql', () => {
  const stack = useStack();

  it('is the schema the code builds (run `npm run print-schema` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('is the schema the gateway serves, as its introspection over HTTP tells it, directives included', async () => {
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true };
    const result = await stack.query<IntrospectionQuery>(getIntrospectionQuery(everything));
    expect(result.errors).toBeUndefined();
    const served = buildClientSchema(result.data!);
    // Federation's root fields, types and directives are served too; they are schema/subgraph.graphql's.
    const own = withoutFederationFields(served);
    const clientDirectives = new Set(schema.getDirectives().map((directive) => directive.name));
    const printed = new GraphQLSchema({ ...own.toConfig(), directives: own.getDirectives().filter((directive) => clientDirectives.has(directive.name)) });
    expect(printSchema(lexicographicSortSchema(printed))).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(served.getDirective('defer')).toBeDefined();
    expect(served.getDirective('stream')).toBeDefined();
  });

  it('has no federation fields or directives: those are in schema/subgraph.graphql only', () => {
    expect(printedSchema()).not.toMatch(/_entities|_service|_Any|@key|@cost|@listSize|@link/);
  });

  it.each([
    ['client', schema],
    ['served (with federation\'s fields)', subgraphSchema],
  ])('describes every type, field, argument and enum value of the %s schema', (_name, described) => {
    const types = Object.values(described.getTypeMap()).filter(
      (type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
    );
    expect(types.flatMap(undescribed)).toEqual([]);
  });

  it('keeps the contract names', () => {
    const names = ['Node', 'LeafUser', 'Machine', 'Implement', 'Operator', 'MachineFile', 'OriginType', 'Measurement', 'Stats'];
    names.push('LeafFile', 'OperationSummary', 'HarvestedSummary', 'PlantedSummary', 'AppliedSummary', 'TillageSummary');
    names.push('OtherSummary', 'FieldOperation', 'FieldCoverage', 'OperationImage', 'Error', 'ReadOnlyMachineError');
    names.push('NotFoundError', 'ValidationError', 'CreateMachineResult', 'UpdateMachineResult', 'DeleteMachineResult');
    for (const name of names) {
      expect(schema.getType(name), name).toBeDefined();
    }
    const query = schema.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['node', 'nodes', 'leafUser', 'file', 'fieldOperation']));
    const mutation = schema.getMutationType()!.getFields();
    expect(Object.keys(mutation)).toEqual(expect.arrayContaining(['createMachine', 'updateMachine', 'deleteMachine']));
  });
});

describe('schema/subgraph.graphql', () => {
  it('is the subgraph the code builds (run `npm run print-schema` after changing it)', () => {
    expect(readFileSync(SUBGRAPH_FILE, 'utf8')).toBe(printedSubgraph());
  });

  it('declares the contract\'s entity keys', () => {
    const keys = (type: string) => printedSubgraph().match(new RegExp(`^type ${type} implements Node((?: @key\\(fields: "[^"]+"\\))+)`, 'm'))?.[1]?.trim();
    const assetKeys = '@key(fields: "id") @key(fields: "leafId leafUser { leafUserId }")';
    expect(keys('Machine')).toBe(assetKeys);
    expect(keys('Implement')).toBe(assetKeys);
    expect(keys('Operator')).toBe(assetKeys);
    expect(keys('LeafFile')).toBe('@key(fields: "id") @key(fields: "leafId")');
    expect(keys('FieldOperation')).toBe('@key(fields: "id") @key(fields: "leafId")');
    expect(keys('LeafUser')).toBe('@key(fields: "id") @key(fields: "leafUserId")');
    expect(keys('MachineFile')).toBe('@key(fields: "id")');
  });
});
