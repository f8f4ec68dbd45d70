// Each list's filter → the Leaf query parameters it documents, for the lists whose filters the
// HTTP tests do not send whole (implements' `since` times, machine files' distance).
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ImplementList } from '../src/schema/implements/types.js';
import { MachineFileList } from '../src/schema/machines/machine-files.js';

describe('list filters as Leaf query parameters', () => {
  it('sends every implement filter, its times as "since", and the sort keys', () => {
    const query = ImplementList.query(
      {
        name: 'Planter',
        provider: 'Trimble',
        providerImplementId: 'pi-1',
        providerOrganizationId: 'org-1',
        createdTime: { since: new Date('2022-01-01T00:00:00Z'), before: new Date('2023-01-01T00:00:00Z') },
        updatedTime: { after: new Date('2021-02-01T00:00:00Z') },
      },
      [{ field: 'serialNumber', direction: 'desc' }],
    );
    expect(JSON.parse(JSON.stringify(query))).toEqual({
      name: 'Planter',
      provider: 'Trimble',
      providerImplementId: 'pi-1',
      providerOrganizationId: 'org-1',
      createdTime: '2022-01-01T00:00:00.000Z',
      beforeCreatedTime: '2023-01-01T00:00:00.000Z',
      afterUpdatedTime: '2021-02-01T00:00:00.000Z',
      sort: ['serialNumber,desc'],
    });
  });

  it('sends nothing for fields left out or null', () => {
    expect(JSON.parse(JSON.stringify(ImplementList.query({ name: null, createdTime: null }, null)))).toEqual({});
    expect(JSON.parse(JSON.stringify(MachineFileList.query(undefined, undefined)))).toEqual({});
  });

  it('sends every machine-file filter, the distance in its unit', () => {
    const query = MachineFileList.query(
      {
        leafFileId: 'file-1',
        originType: 'USER_CREATED',
        createdTime: { equals: new Date('2022-01-01T00:00:00Z') },
        startTime: { after: new Date('2022-03-01T00:00:00Z') },
        endTime: { before: new Date('2022-04-01T00:00:00Z') },
        distance: { greaterThan: 1.5, lessThan: 10, unit: 'mile' },
      },
      [{ field: 'startTime', direction: 'asc' }],
    );
    expect(JSON.parse(JSON.stringify(query))).toEqual({
      leafFileId: 'file-1',
      originType: 'USER_CREATED',
      createdTime: '2022-01-01T00:00:00.000Z',
      afterStartTime: '2022-03-01T00:00:00.000Z',
      beforeEndTime: '2022-04-01T00:00:00.000Z',
      greaterThanDistanceValue: 1.5,
      lessThanDistanceValue: 10,
      distanceUnit: 'mile',
      sort: ['startTime,asc'],
    });
  });

  it('refuses a distance that is not a finite number, as BAD_USER_INPUT', () => {
    const refusal = (() => {
      try {
        MachineFileList.query({ distance: { equals: Number.POSITIVE_INFINITY } }, null);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(GraphQLError);
    expect((refusal as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((refusal as GraphQLError).message).toBe('filter.distance.equals must be a finite number.');
  });
});
