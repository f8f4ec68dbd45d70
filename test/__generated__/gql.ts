/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query NestedMachines($user: LeafId!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.NestedMachinesDocument,
    "\n  query MachinePage($user: LeafId!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.MachinePageDocument,
    "\n  query MachineCount($user: LeafId!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n": typeof types.MachineCountDocument,
    "\n  query FilteredMachines($user: LeafId!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n": typeof types.FilteredMachinesDocument,
    "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n": typeof types.NodeLookupDocument,
    "\n  query MachineById($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": typeof types.MachineByIdDocument,
    "\n  query LeafUserByLiteral {\n    leafUser(id: \"uuid-1\") { leafUserId }\n  }\n": typeof types.LeafUserByLiteralDocument,
    "\n  query AuthorizedMachineCount($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { totalCount } }\n  }\n": typeof types.AuthorizedMachineCountDocument,
    "\n  query BreakerOperators($user: LeafId!) {\n    leafUser(id: $user) { operators(first: 3) { nodes { leafId name } } }\n  }\n": typeof types.BreakerOperatorsDocument,
    "\n  query BreakerMachine($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": typeof types.BreakerMachineDocument,
    "\n  mutation BreakerCreateMachine($user: LeafId!) {\n    createMachine(leafUserId: $user, input: { name: \"Refused\" }) {\n      __typename\n      ... on UpstreamWriteError { mayHaveApplied }\n    }\n  }\n": typeof types.BreakerCreateMachineDocument,
    "\n  query BreakerFilePoints($id: LeafId!) {\n    file(id: $id) { leafId points(first: 3) { nodes { timestamp } } }\n  }\n": typeof types.BreakerFilePointsDocument,
    "\n  query CachedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n": typeof types.CachedMachinesDocument,
    "\n  query CachedMachineNode($id: ID!) { node(id: $id) { id ... on Machine { leafId name } } }\n": typeof types.CachedMachineNodeDocument,
    "\n  query CachedMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 100) { nodes { id name } }\n      implements(first: 5) { nodes { id name } }\n    }\n  }\n": typeof types.CachedMachinesAndImplementsDocument,
    "\n  mutation CacheRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id name } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CacheRenameMachineDocument,
    "\n  mutation CacheDeleteMachine($id: ID!) {\n    deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } }\n  }\n": typeof types.CacheDeleteMachineDocument,
    "query CachedImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { id name } } } }": typeof types.CachedImplementsDocument,
    "\n  query CaughtUpMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n": typeof types.CaughtUpMachineDocument,
    "subscription CaughtUpEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machineId machine { name } } } }": typeof types.CaughtUpEventsDocument,
    "query ClusterNameOf($id: ID!) { node(id: $id) { ... on Machine { name } } }": typeof types.ClusterNameOfDocument,
    "query ClusterNameAndLeafIdOf($id: ID!) { node(id: $id) { ... on Machine { name leafId } } }": typeof types.ClusterNameAndLeafIdOfDocument,
    "mutation ClusterRename($id: ID!, $name: String!) {\n  updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { name } } ... on Error { message } }\n}": typeof types.ClusterRenameDocument,
    "\n  query CoalescingFleet($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 3) { nodes { leafId name files(first: 2) { nodes { leafFileId startTime } } } }\n      implements(first: 2) { nodes { leafId name } }\n    }\n  }\n": typeof types.CoalescingFleetDocument,
    "\n  query CoalescingUserCreatedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": typeof types.CoalescingUserCreatedMachinesDocument,
    "\n  query CoalescingMachineIds($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId } } }\n  }\n": typeof types.CoalescingMachineIdsDocument,
    "\n  query CoalescingMachinesFiles($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } }\n  }\n": typeof types.CoalescingMachinesFilesDocument,
    "\n  query CoalescingMachineFiles($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name files(first: 2) { nodes { leafFileId } } } }\n  }\n": typeof types.CoalescingMachineFilesDocument,
    "\n  query ContainerMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n": typeof types.ContainerMachinesDocument,
    "\n  query DeadlineNested($user: LeafId!, $file: LeafId!) {\n    leafUser(id: $user) {\n      leafUserId\n      machines(first: 2) {\n        nodes {\n          leafId\n          files(first: 2) { nodes { leafFileId file { fileName summary { operationType } } } }\n        }\n      }\n    }\n    file(id: $file) { leafId fileName }\n  }\n": typeof types.DeadlineNestedDocument,
    "\n  mutation DeadlineTwoCreates($user: LeafId!) {\n    first: createMachine(leafUserId: $user, input: { name: \"Deadline first\" }) { __typename }\n    second: createMachine(leafUserId: $user, input: { name: \"Deadline second\" }) { __typename }\n  }\n": typeof types.DeadlineTwoCreatesDocument,
    "\n  query MachinesThenFiles($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 10) {\n        nodes {\n          name\n          ... @defer(label: \"files\") {\n            files(first: 5) { nodes { leafFileId file { summary { operationType } } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MachinesThenFilesDocument,
    "\n  query DeferredFilesOfAll($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { name ... @defer { files(first: 100) { nodes { leafFileId } } } } } }\n  }\n": typeof types.DeferredFilesOfAllDocument,
    "\n  mutation DocumentedDeleteMachine($id: ID!) { deleteMachine(id: $id) { __typename ... on Error { message } } }\n": typeof types.DocumentedDeleteMachineDocument,
    "\n  query DocumentedMachineGlobalId($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { id } } }\n": typeof types.DocumentedMachineGlobalIdDocument,
    "\n  query FreshnessMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": typeof types.FreshnessMachineDocument,
    "\n  query FreshnessPoints($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { points(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n": typeof types.FreshnessPointsDocument,
    "\n  query ExecutionMachineNames($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n": typeof types.ExecutionMachineNamesDocument,
    "\n  query ExecutionErrorLocations($user: LeafId!) {\n    leafUser(id: $user) {\n      refused: machines(first: -1) { totalCount }\n      machines(first: 100) {\n        nodes {\n          leafId\n          name\n          label: name\n          ...ExecutionMachineName\n          ... on Machine { name }\n          files(first: 2) {\n            nodes {\n              leafFileId\n              ...ExecutionMachineFile\n              detail: file { fileName }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment ExecutionMachineName on Machine { name }\n  fragment ExecutionMachineFile on MachineFile { file { id } ... on MachineFile { file { provider } } }\n": typeof types.ExecutionErrorLocationsDocument,
    "\n  query HostileNormalMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }\n": typeof types.HostileNormalMachinesDocument,
    "\n  query HostileMachineIds($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id } } } }\n": typeof types.HostileMachineIdsDocument,
    "\n  query BoundedDistances($user: LeafId!, $unit: String) {\n    leafUser(id: $user) { machines(first: 100) { nodes { files(first: 12) { nodes { distance(unit: $unit) { value unit } } } } } }\n  }\n": typeof types.BoundedDistancesDocument,
    "\n  query CappedMachinesWithAFile($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } }\n  }\n": typeof types.CappedMachinesWithAFileDocument,
    "\n  query CappedFirstMachine($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n": typeof types.CappedFirstMachineDocument,
    "query HttpCachingMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { totalCount nodes { id name } } } }": typeof types.HttpCachingMachinesDocument,
    "query HttpCachingNames($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { name } } } }": typeof types.HttpCachingNamesDocument,
    "\n  query UrqlMachinePage($user: LeafId!, $first: Int!, $after: String) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id name }\n      }\n    }\n  }\n": typeof types.UrqlMachinePageDocument,
    "\n  query FuzzSurvivorMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n": typeof types.FuzzSurvivorMachinesDocument,
    "\n  query SlowMachines($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name } } }\n  }\n": typeof types.SlowMachinesDocument,
    "\n  query ReplicaMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": typeof types.ReplicaMachineDocument,
    "\n  query MachineFileSummaries($user: LeafId!, $volumeUnit: String) {\n    leafUser(id: $user) {\n      machines(first: 45) {\n        nodes {\n          leafId\n          files(first: 10) {\n            nodes {\n              leafFileId\n              file {\n                leafId\n                fileName\n                summary {\n                  __typename\n                  operationType\n                  ... on HarvestedSummary { totalDryVolume(unit: $volumeUnit) { value unit } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MachineFileSummariesDocument,
    "\n  fragment FileDetails on LeafFile {\n    id\n    leafId\n    fileName\n    fileFormat\n    provider\n    origin\n    leafUserId\n    apiOwnerUsername\n    fieldIds\n    downloadOriginalFile\n    downloadStandardGeojson\n    summary {\n      __typename\n      operationType\n      startTime\n      endTime\n      crops\n      totalArea { value unit }\n      totalDistance { value unit }\n      elevation { avg min max unit }\n      speed { avg min max unit }\n      totalFuelUsed { value unit }\n      machinery { name type serialNumber brand }\n      originalOperationType\n      operationDescription\n      geometry\n      ... on HarvestedSummary {\n        harvestMoisture { avg min max unit }\n        wetMass { avg unit }\n        totalWetMass { value unit }\n        wetMassPerArea { avg unit }\n        dryMass { avg unit }\n        totalDryMass { value unit }\n        dryMassPerArea { avg min max unit }\n        wetVolume { avg unit }\n        totalWetVolume { value unit }\n        wetVolumePerArea { avg unit }\n        dryVolume { avg unit }\n        totalDryVolume { value unit }\n        dryVolumePerArea { avg unit }\n        varieties { name harvestMoisture { avg unit } wetMass { value unit } dryMass { value unit } wetVolume { value unit } dryVolume { value unit } area { value unit } }\n      }\n      ... on PlantedSummary {\n        seedRate { avg min max unit }\n        seedRateTarget { avg unit }\n        seedDepth { avg unit }\n        totalPlanted { value unit }\n        singulation { avg unit }\n        downForce { avg unit }\n        varieties { name rate { avg min max unit } rateTarget { avg min max unit } area { value unit } totalPlanted { value unit } }\n      }\n      ... on AppliedSummary {\n        appliedRate { avg min max unit }\n        appliedRateTarget { avg unit }\n        totalApplied { value unit }\n        tankMix\n        products { name type rate { value unit } totalApplied { value unit } area { value unit } }\n      }\n      ... on TillageSummary {\n        tillType\n        tillageDepthTarget { avg min max unit }\n        tillageDepthActual { avg min max unit }\n      }\n      ... on OtherSummary { properties }\n    }\n  }\n": typeof types.FileDetailsFragmentDoc,
    "\n  query FilesByType($harvested: LeafId!, $planted: LeafId!, $applied: LeafId!, $tillage: LeafId!, $irrigated: LeafId!, $other: LeafId!) {\n    harvested: file(id: $harvested) { ...FileDetails }\n    planted: file(id: $planted) { ...FileDetails }\n    applied: file(id: $applied) { ...FileDetails }\n    tillage: file(id: $tillage) { ...FileDetails }\n    irrigated: file(id: $irrigated) { ...FileDetails }\n    other: file(id: $other) { ...FileDetails }\n  }\n": typeof types.FilesByTypeDocument,
    "\n  query OneFile($id: LeafId!) {\n    file(id: $id) { ...FileDetails }\n  }\n": typeof types.OneFileDocument,
    "\n  query FileImages($id: LeafId!) {\n    first: file(id: $id) { leafId images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } } }\n    again: file(id: $id) { images { property } }\n  }\n": typeof types.FileImagesDocument,
    "\n  query FileWithoutImages($id: LeafId!) {\n    file(id: $id) { leafId fileName }\n  }\n": typeof types.FileWithoutImagesDocument,
    "\n  query Conversions($id: LeafId!) {\n    file(id: $id) {\n      summary {\n        totalArea { value unit }\n        ha: totalArea(unit: \"ha\") { value unit }\n        ac: totalArea(unit: \"ac\") { value unit }\n        totalDistance { value unit }\n        m: totalDistance(unit: \"m\") { value unit }\n        km: totalDistance(unit: \"km\") { value unit }\n        mi: totalDistance(unit: \"mi\") { value unit }\n        speed { avg min max unit }\n        kmh: speed(unit: \"km/h\") { avg min max unit }\n        ... on HarvestedSummary {\n          totalWetMass { value unit }\n          kg: totalWetMass(unit: \"kg\") { value unit }\n          t: totalWetMass(unit: \"t\") { value unit }\n          totalDryVolume { value unit }\n          litres: totalDryVolume(unit: \"l\") { value unit }\n          gallons: totalDryVolume(unit: \"gal\") { value unit }\n          dryMassPerArea { avg min max unit }\n          kgPerHa: dryMassPerArea(unit: \"kg/ha\") { avg min max unit }\n        }\n      }\n    }\n  }\n": typeof types.ConversionsDocument,
    "\n  query ImpossibleConversion($id: LeafId!, $unit: String) {\n    file(id: $id) {\n      leafId\n      summary {\n        operationType\n        totalArea { value unit }\n        ... on HarvestedSummary { totalWetMass(unit: $unit) { value unit } }\n      }\n    }\n  }\n": typeof types.ImpossibleConversionDocument,
    "\n  query FieldOperationDetails($id: LeafId!) {\n    fieldOperation(id: $id) {\n      id\n      leafId\n      type\n      startTime\n      endTime\n      updatedTime\n      leafUserId\n      providers\n      fields { fieldId coverage }\n      files { leafId fileName summary { operationType } }\n      summary {\n        __typename\n        operationType\n        startTime\n        endTime\n        totalArea { value unit }\n        ... on HarvestedSummary { totalDryVolume(unit: \"bu\") { value unit } }\n        ... on PlantedSummary { totalPlanted { value unit } }\n        ... on AppliedSummary { totalApplied { value unit } }\n        ... on TillageSummary { tillType }\n        ... on OtherSummary { properties }\n      }\n    }\n  }\n": typeof types.FieldOperationDetailsDocument,
    "\n  query FieldOperationHeader($id: LeafId!) {\n    fieldOperation(id: $id) { leafId type }\n  }\n": typeof types.FieldOperationHeaderDocument,
    "\n  query NodeFile($id: ID!) {\n    node(id: $id) { id ... on LeafFile { leafId fileName } ... on FieldOperation { leafId type } }\n  }\n": typeof types.NodeFileDocument,
    "\n  query MachinesByOrigin($user: LeafId!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n": typeof types.MachinesByOriginDocument,
    "\n  query ReadMachine($user: LeafId!, $leafId: LeafId!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n": typeof types.ReadMachineDocument,
    "\n  query MachineNames($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": typeof types.MachineNamesDocument,
    "\n  mutation CreateMachine($user: LeafId!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": typeof types.CreateMachineDocument,
    "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": typeof types.UpdateMachineDocument,
    "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": typeof types.DeleteMachineDocument,
    "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n": typeof types.TwoUpdatesDocument,
    "\n  query LeafUserGlobalId($user: LeafId!) {\n    leafUser(id: $user) { id }\n  }\n": typeof types.LeafUserGlobalIdDocument,
    "\n  mutation UpdateThenCreate($id: ID!, $user: LeafId!) {\n    first: updateMachine(id: $id, input: { name: \"Never sent\" }) { __typename ... on UpstreamWriteError { mayHaveApplied } }\n    second: createMachine(leafUserId: $user, input: { name: \"Still created\" }) { __typename }\n  }\n": typeof types.UpdateThenCreateDocument,
    "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n": typeof types.DeleteThenUpdateDocument,
    "\n  query ObservedMachines($user: LeafId!, $first: Int) {\n    leafUser(id: $user) { machines(first: $first) { nodes { id name } } }\n  }\n": typeof types.ObservedMachinesDocument,
    "\n  query ObservedFilePoints($id: LeafId!) {\n    file(id: $id) { points(first: 3) { nodes { timestamp } } }\n  }\n": typeof types.ObservedFilePointsDocument,
    "\n  fragment PointFields on OperationPoint {\n  __typename\n  timestamp\n  operationType\n  geometry\n  crop\n  variety\n  area { value unit }\n  distance { value unit }\n  heading\n  speed { value unit }\n  elevation { value unit }\n  equipmentWidth { value unit }\n  recordingStatus\n  sectionId\n  machinery\n  ... on HarvestedPoint {\n    harvestMoisture\n    wetMass { value unit } wetVolume { value unit } wetMassPerArea { value unit } wetVolumePerArea { value unit }\n    dryMass { value unit } dryVolume { value unit } dryMassPerArea { value unit } dryVolumePerArea { value unit }\n  }\n  ... on PlantedPoint {\n    seedRate { value unit } seedRateTarget { value unit } seedDepth { value unit } downForce { value unit }\n    singulation skips doubles\n  }\n  ... on AppliedPoint { appliedRate { value unit } appliedRateTarget { value unit } products { name rate { value unit } } }\n  ... on TillagePoint { tillageDepthTarget { value unit } tillType }\n  ... on OtherPoint { properties }\n  }\n": typeof types.PointFieldsFragmentDoc,
    "\n  query FilePoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      leafId\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { ...PointFields }\n      }\n    }\n  }\n": typeof types.FilePointsDocument,
    "\n  query MapPoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value } } }\n      }\n    }\n  }\n": typeof types.MapPointsDocument,
    "\n  query FirstThreePoints($id: LeafId!) { file(id: $id) { points(first: 3) { pageInfo { hasNextPage } nodes { timestamp } } } }\n": typeof types.FirstThreePointsDocument,
    "\n  query ConvertedPoint($id: LeafId!) {\n    file(id: $id) {\n      points(first: 1) {\n        nodes {\n          __typename\n          area(unit: \"ac\") { value unit }\n          speed(unit: \"km/h\") { value unit }\n          ... on HarvestedPoint { wetMassPerArea(unit: \"kg/ha\") { value unit } }\n        }\n      }\n    }\n  }\n": typeof types.ConvertedPointDocument,
    "\n  query PointAreaInKilograms($id: LeafId!) { file(id: $id) { points(first: 1) { nodes { area(unit: \"kg\") { value } } } } }\n": typeof types.PointAreaInKilogramsDocument,
    "\n  query PointsAndFileName($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { fileName points(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n": typeof types.PointsAndFileNameDocument,
    "\n  mutation CreatePointsUserMachine($user: LeafId!, $input: CreateMachineInput!) { createMachine(leafUserId: $user, input: $input) { __typename } }\n": typeof types.CreatePointsUserMachineDocument,
    "\n  query RedisMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n": typeof types.RedisMachinesDocument,
    "\n  query RedisMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { id name } } implements(first: 5) { nodes { id } } }\n  }\n": typeof types.RedisMachinesAndImplementsDocument,
    "\n  mutation RedisRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { id name } } }\n  }\n": typeof types.RedisRenameMachineDocument,
    "\n  query RegisteredMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n": typeof types.RegisteredMachineDocument,
    "\n  query FirstMachineName($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n": typeof types.FirstMachineNameDocument,
    "subscription LoggedEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type } }": typeof types.LoggedEventsDocument,
    "\n  subscription Events($user: LeafId!, $types: [LeafEventType!]) {\n    leafEvents(leafUserId: $user, types: $types) {\n      __typename type leafUserId timestamp\n      ... on MachineEvent { machineId machine { leafId name } }\n      ... on FileEvent { fileId message file { leafId } }\n    }\n  }\n": typeof types.EventsDocument,
    "\n    subscription AssetEvents($user: LeafId!) {\n      leafEvents(leafUserId: $user) {\n        __typename type\n        ... on ImplementEvent { implementId implement { leafId } }\n        ... on OperatorEvent { operatorId operator { leafId } }\n        ... on OperationEvent { operationId operation { leafId } }\n      }\n    }\n  ": typeof types.AssetEventsDocument,
    "\n  mutation CreateNamedMachine($user: LeafId!, $name: String!) {\n    createMachine(leafUserId: $user, input: { name: $name }) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine {\n          id\n          leafId\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on UpstreamWriteError {\n        upstreamStatus\n        mayHaveApplied\n      }\n    }\n  }\n": typeof types.CreateNamedMachineDocument,
    "\n  query Typename {\n    __typename\n  }\n": typeof types.TypenameDocument,
    "\n  query MachinesUnderFaults($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }\n  }\n": typeof types.MachinesUnderFaultsDocument,
    "\n  query WebhookMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": typeof types.WebhookMachineDocument,
    "\n  query WebhookMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n": typeof types.WebhookMachinesDocument,
    "\n  query WebhookImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { leafId name } } } }\n": typeof types.WebhookImplementsDocument,
    "\n  query WebhookFile($id: LeafId!) { file(id: $id) { leafId fileName } }\n": typeof types.WebhookFileDocument,
    "\n  query WebhookMachineFiles($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 5) { nodes { leafFileId } } } } }\n": typeof types.WebhookMachineFilesDocument,
};
const documents: Documents = {
    "\n  query NestedMachines($user: LeafId!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NestedMachinesDocument,
    "\n  query MachinePage($user: LeafId!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.MachinePageDocument,
    "\n  query MachineCount($user: LeafId!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n": types.MachineCountDocument,
    "\n  query FilteredMachines($user: LeafId!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n": types.FilteredMachinesDocument,
    "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n": types.NodeLookupDocument,
    "\n  query MachineById($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": types.MachineByIdDocument,
    "\n  query LeafUserByLiteral {\n    leafUser(id: \"uuid-1\") { leafUserId }\n  }\n": types.LeafUserByLiteralDocument,
    "\n  query AuthorizedMachineCount($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { totalCount } }\n  }\n": types.AuthorizedMachineCountDocument,
    "\n  query BreakerOperators($user: LeafId!) {\n    leafUser(id: $user) { operators(first: 3) { nodes { leafId name } } }\n  }\n": types.BreakerOperatorsDocument,
    "\n  query BreakerMachine($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": types.BreakerMachineDocument,
    "\n  mutation BreakerCreateMachine($user: LeafId!) {\n    createMachine(leafUserId: $user, input: { name: \"Refused\" }) {\n      __typename\n      ... on UpstreamWriteError { mayHaveApplied }\n    }\n  }\n": types.BreakerCreateMachineDocument,
    "\n  query BreakerFilePoints($id: LeafId!) {\n    file(id: $id) { leafId points(first: 3) { nodes { timestamp } } }\n  }\n": types.BreakerFilePointsDocument,
    "\n  query CachedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n": types.CachedMachinesDocument,
    "\n  query CachedMachineNode($id: ID!) { node(id: $id) { id ... on Machine { leafId name } } }\n": types.CachedMachineNodeDocument,
    "\n  query CachedMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 100) { nodes { id name } }\n      implements(first: 5) { nodes { id name } }\n    }\n  }\n": types.CachedMachinesAndImplementsDocument,
    "\n  mutation CacheRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id name } }\n      ... on Error { message }\n    }\n  }\n": types.CacheRenameMachineDocument,
    "\n  mutation CacheDeleteMachine($id: ID!) {\n    deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } }\n  }\n": types.CacheDeleteMachineDocument,
    "query CachedImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { id name } } } }": types.CachedImplementsDocument,
    "\n  query CaughtUpMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n": types.CaughtUpMachineDocument,
    "subscription CaughtUpEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machineId machine { name } } } }": types.CaughtUpEventsDocument,
    "query ClusterNameOf($id: ID!) { node(id: $id) { ... on Machine { name } } }": types.ClusterNameOfDocument,
    "query ClusterNameAndLeafIdOf($id: ID!) { node(id: $id) { ... on Machine { name leafId } } }": types.ClusterNameAndLeafIdOfDocument,
    "mutation ClusterRename($id: ID!, $name: String!) {\n  updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { name } } ... on Error { message } }\n}": types.ClusterRenameDocument,
    "\n  query CoalescingFleet($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 3) { nodes { leafId name files(first: 2) { nodes { leafFileId startTime } } } }\n      implements(first: 2) { nodes { leafId name } }\n    }\n  }\n": types.CoalescingFleetDocument,
    "\n  query CoalescingUserCreatedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": types.CoalescingUserCreatedMachinesDocument,
    "\n  query CoalescingMachineIds($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId } } }\n  }\n": types.CoalescingMachineIdsDocument,
    "\n  query CoalescingMachinesFiles($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } }\n  }\n": types.CoalescingMachinesFilesDocument,
    "\n  query CoalescingMachineFiles($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name files(first: 2) { nodes { leafFileId } } } }\n  }\n": types.CoalescingMachineFilesDocument,
    "\n  query ContainerMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n": types.ContainerMachinesDocument,
    "\n  query DeadlineNested($user: LeafId!, $file: LeafId!) {\n    leafUser(id: $user) {\n      leafUserId\n      machines(first: 2) {\n        nodes {\n          leafId\n          files(first: 2) { nodes { leafFileId file { fileName summary { operationType } } } }\n        }\n      }\n    }\n    file(id: $file) { leafId fileName }\n  }\n": types.DeadlineNestedDocument,
    "\n  mutation DeadlineTwoCreates($user: LeafId!) {\n    first: createMachine(leafUserId: $user, input: { name: \"Deadline first\" }) { __typename }\n    second: createMachine(leafUserId: $user, input: { name: \"Deadline second\" }) { __typename }\n  }\n": types.DeadlineTwoCreatesDocument,
    "\n  query MachinesThenFiles($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 10) {\n        nodes {\n          name\n          ... @defer(label: \"files\") {\n            files(first: 5) { nodes { leafFileId file { summary { operationType } } } }\n          }\n        }\n      }\n    }\n  }\n": types.MachinesThenFilesDocument,
    "\n  query DeferredFilesOfAll($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { name ... @defer { files(first: 100) { nodes { leafFileId } } } } } }\n  }\n": types.DeferredFilesOfAllDocument,
    "\n  mutation DocumentedDeleteMachine($id: ID!) { deleteMachine(id: $id) { __typename ... on Error { message } } }\n": types.DocumentedDeleteMachineDocument,
    "\n  query DocumentedMachineGlobalId($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { id } } }\n": types.DocumentedMachineGlobalIdDocument,
    "\n  query FreshnessMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": types.FreshnessMachineDocument,
    "\n  query FreshnessPoints($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { points(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n": types.FreshnessPointsDocument,
    "\n  query ExecutionMachineNames($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n": types.ExecutionMachineNamesDocument,
    "\n  query ExecutionErrorLocations($user: LeafId!) {\n    leafUser(id: $user) {\n      refused: machines(first: -1) { totalCount }\n      machines(first: 100) {\n        nodes {\n          leafId\n          name\n          label: name\n          ...ExecutionMachineName\n          ... on Machine { name }\n          files(first: 2) {\n            nodes {\n              leafFileId\n              ...ExecutionMachineFile\n              detail: file { fileName }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment ExecutionMachineName on Machine { name }\n  fragment ExecutionMachineFile on MachineFile { file { id } ... on MachineFile { file { provider } } }\n": types.ExecutionErrorLocationsDocument,
    "\n  query HostileNormalMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }\n": types.HostileNormalMachinesDocument,
    "\n  query HostileMachineIds($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id } } } }\n": types.HostileMachineIdsDocument,
    "\n  query BoundedDistances($user: LeafId!, $unit: String) {\n    leafUser(id: $user) { machines(first: 100) { nodes { files(first: 12) { nodes { distance(unit: $unit) { value unit } } } } } }\n  }\n": types.BoundedDistancesDocument,
    "\n  query CappedMachinesWithAFile($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } }\n  }\n": types.CappedMachinesWithAFileDocument,
    "\n  query CappedFirstMachine($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n": types.CappedFirstMachineDocument,
    "query HttpCachingMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { totalCount nodes { id name } } } }": types.HttpCachingMachinesDocument,
    "query HttpCachingNames($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { name } } } }": types.HttpCachingNamesDocument,
    "\n  query UrqlMachinePage($user: LeafId!, $first: Int!, $after: String) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id name }\n      }\n    }\n  }\n": types.UrqlMachinePageDocument,
    "\n  query FuzzSurvivorMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n": types.FuzzSurvivorMachinesDocument,
    "\n  query SlowMachines($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name } } }\n  }\n": types.SlowMachinesDocument,
    "\n  query ReplicaMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": types.ReplicaMachineDocument,
    "\n  query MachineFileSummaries($user: LeafId!, $volumeUnit: String) {\n    leafUser(id: $user) {\n      machines(first: 45) {\n        nodes {\n          leafId\n          files(first: 10) {\n            nodes {\n              leafFileId\n              file {\n                leafId\n                fileName\n                summary {\n                  __typename\n                  operationType\n                  ... on HarvestedSummary { totalDryVolume(unit: $volumeUnit) { value unit } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MachineFileSummariesDocument,
    "\n  fragment FileDetails on LeafFile {\n    id\n    leafId\n    fileName\n    fileFormat\n    provider\n    origin\n    leafUserId\n    apiOwnerUsername\n    fieldIds\n    downloadOriginalFile\n    downloadStandardGeojson\n    summary {\n      __typename\n      operationType\n      startTime\n      endTime\n      crops\n      totalArea { value unit }\n      totalDistance { value unit }\n      elevation { avg min max unit }\n      speed { avg min max unit }\n      totalFuelUsed { value unit }\n      machinery { name type serialNumber brand }\n      originalOperationType\n      operationDescription\n      geometry\n      ... on HarvestedSummary {\n        harvestMoisture { avg min max unit }\n        wetMass { avg unit }\n        totalWetMass { value unit }\n        wetMassPerArea { avg unit }\n        dryMass { avg unit }\n        totalDryMass { value unit }\n        dryMassPerArea { avg min max unit }\n        wetVolume { avg unit }\n        totalWetVolume { value unit }\n        wetVolumePerArea { avg unit }\n        dryVolume { avg unit }\n        totalDryVolume { value unit }\n        dryVolumePerArea { avg unit }\n        varieties { name harvestMoisture { avg unit } wetMass { value unit } dryMass { value unit } wetVolume { value unit } dryVolume { value unit } area { value unit } }\n      }\n      ... on PlantedSummary {\n        seedRate { avg min max unit }\n        seedRateTarget { avg unit }\n        seedDepth { avg unit }\n        totalPlanted { value unit }\n        singulation { avg unit }\n        downForce { avg unit }\n        varieties { name rate { avg min max unit } rateTarget { avg min max unit } area { value unit } totalPlanted { value unit } }\n      }\n      ... on AppliedSummary {\n        appliedRate { avg min max unit }\n        appliedRateTarget { avg unit }\n        totalApplied { value unit }\n        tankMix\n        products { name type rate { value unit } totalApplied { value unit } area { value unit } }\n      }\n      ... on TillageSummary {\n        tillType\n        tillageDepthTarget { avg min max unit }\n        tillageDepthActual { avg min max unit }\n      }\n      ... on OtherSummary { properties }\n    }\n  }\n": types.FileDetailsFragmentDoc,
    "\n  query FilesByType($harvested: LeafId!, $planted: LeafId!, $applied: LeafId!, $tillage: LeafId!, $irrigated: LeafId!, $other: LeafId!) {\n    harvested: file(id: $harvested) { ...FileDetails }\n    planted: file(id: $planted) { ...FileDetails }\n    applied: file(id: $applied) { ...FileDetails }\n    tillage: file(id: $tillage) { ...FileDetails }\n    irrigated: file(id: $irrigated) { ...FileDetails }\n    other: file(id: $other) { ...FileDetails }\n  }\n": types.FilesByTypeDocument,
    "\n  query OneFile($id: LeafId!) {\n    file(id: $id) { ...FileDetails }\n  }\n": types.OneFileDocument,
    "\n  query FileImages($id: LeafId!) {\n    first: file(id: $id) { leafId images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } } }\n    again: file(id: $id) { images { property } }\n  }\n": types.FileImagesDocument,
    "\n  query FileWithoutImages($id: LeafId!) {\n    file(id: $id) { leafId fileName }\n  }\n": types.FileWithoutImagesDocument,
    "\n  query Conversions($id: LeafId!) {\n    file(id: $id) {\n      summary {\n        totalArea { value unit }\n        ha: totalArea(unit: \"ha\") { value unit }\n        ac: totalArea(unit: \"ac\") { value unit }\n        totalDistance { value unit }\n        m: totalDistance(unit: \"m\") { value unit }\n        km: totalDistance(unit: \"km\") { value unit }\n        mi: totalDistance(unit: \"mi\") { value unit }\n        speed { avg min max unit }\n        kmh: speed(unit: \"km/h\") { avg min max unit }\n        ... on HarvestedSummary {\n          totalWetMass { value unit }\n          kg: totalWetMass(unit: \"kg\") { value unit }\n          t: totalWetMass(unit: \"t\") { value unit }\n          totalDryVolume { value unit }\n          litres: totalDryVolume(unit: \"l\") { value unit }\n          gallons: totalDryVolume(unit: \"gal\") { value unit }\n          dryMassPerArea { avg min max unit }\n          kgPerHa: dryMassPerArea(unit: \"kg/ha\") { avg min max unit }\n        }\n      }\n    }\n  }\n": types.ConversionsDocument,
    "\n  query ImpossibleConversion($id: LeafId!, $unit: String) {\n    file(id: $id) {\n      leafId\n      summary {\n        operationType\n        totalArea { value unit }\n        ... on HarvestedSummary { totalWetMass(unit: $unit) { value unit } }\n      }\n    }\n  }\n": types.ImpossibleConversionDocument,
    "\n  query FieldOperationDetails($id: LeafId!) {\n    fieldOperation(id: $id) {\n      id\n      leafId\n      type\n      startTime\n      endTime\n      updatedTime\n      leafUserId\n      providers\n      fields { fieldId coverage }\n      files { leafId fileName summary { operationType } }\n      summary {\n        __typename\n        operationType\n        startTime\n        endTime\n        totalArea { value unit }\n        ... on HarvestedSummary { totalDryVolume(unit: \"bu\") { value unit } }\n        ... on PlantedSummary { totalPlanted { value unit } }\n        ... on AppliedSummary { totalApplied { value unit } }\n        ... on TillageSummary { tillType }\n        ... on OtherSummary { properties }\n      }\n    }\n  }\n": types.FieldOperationDetailsDocument,
    "\n  query FieldOperationHeader($id: LeafId!) {\n    fieldOperation(id: $id) { leafId type }\n  }\n": types.FieldOperationHeaderDocument,
    "\n  query NodeFile($id: ID!) {\n    node(id: $id) { id ... on LeafFile { leafId fileName } ... on FieldOperation { leafId type } }\n  }\n": types.NodeFileDocument,
    "\n  query MachinesByOrigin($user: LeafId!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n": types.MachinesByOriginDocument,
    "\n  query ReadMachine($user: LeafId!, $leafId: LeafId!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n": types.ReadMachineDocument,
    "\n  query MachineNames($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": types.MachineNamesDocument,
    "\n  mutation CreateMachine($user: LeafId!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": types.CreateMachineDocument,
    "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": types.UpdateMachineDocument,
    "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": types.DeleteMachineDocument,
    "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n": types.TwoUpdatesDocument,
    "\n  query LeafUserGlobalId($user: LeafId!) {\n    leafUser(id: $user) { id }\n  }\n": types.LeafUserGlobalIdDocument,
    "\n  mutation UpdateThenCreate($id: ID!, $user: LeafId!) {\n    first: updateMachine(id: $id, input: { name: \"Never sent\" }) { __typename ... on UpstreamWriteError { mayHaveApplied } }\n    second: createMachine(leafUserId: $user, input: { name: \"Still created\" }) { __typename }\n  }\n": types.UpdateThenCreateDocument,
    "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n": types.DeleteThenUpdateDocument,
    "\n  query ObservedMachines($user: LeafId!, $first: Int) {\n    leafUser(id: $user) { machines(first: $first) { nodes { id name } } }\n  }\n": types.ObservedMachinesDocument,
    "\n  query ObservedFilePoints($id: LeafId!) {\n    file(id: $id) { points(first: 3) { nodes { timestamp } } }\n  }\n": types.ObservedFilePointsDocument,
    "\n  fragment PointFields on OperationPoint {\n  __typename\n  timestamp\n  operationType\n  geometry\n  crop\n  variety\n  area { value unit }\n  distance { value unit }\n  heading\n  speed { value unit }\n  elevation { value unit }\n  equipmentWidth { value unit }\n  recordingStatus\n  sectionId\n  machinery\n  ... on HarvestedPoint {\n    harvestMoisture\n    wetMass { value unit } wetVolume { value unit } wetMassPerArea { value unit } wetVolumePerArea { value unit }\n    dryMass { value unit } dryVolume { value unit } dryMassPerArea { value unit } dryVolumePerArea { value unit }\n  }\n  ... on PlantedPoint {\n    seedRate { value unit } seedRateTarget { value unit } seedDepth { value unit } downForce { value unit }\n    singulation skips doubles\n  }\n  ... on AppliedPoint { appliedRate { value unit } appliedRateTarget { value unit } products { name rate { value unit } } }\n  ... on TillagePoint { tillageDepthTarget { value unit } tillType }\n  ... on OtherPoint { properties }\n  }\n": types.PointFieldsFragmentDoc,
    "\n  query FilePoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      leafId\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { ...PointFields }\n      }\n    }\n  }\n": types.FilePointsDocument,
    "\n  query MapPoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value } } }\n      }\n    }\n  }\n": types.MapPointsDocument,
    "\n  query FirstThreePoints($id: LeafId!) { file(id: $id) { points(first: 3) { pageInfo { hasNextPage } nodes { timestamp } } } }\n": types.FirstThreePointsDocument,
    "\n  query ConvertedPoint($id: LeafId!) {\n    file(id: $id) {\n      points(first: 1) {\n        nodes {\n          __typename\n          area(unit: \"ac\") { value unit }\n          speed(unit: \"km/h\") { value unit }\n          ... on HarvestedPoint { wetMassPerArea(unit: \"kg/ha\") { value unit } }\n        }\n      }\n    }\n  }\n": types.ConvertedPointDocument,
    "\n  query PointAreaInKilograms($id: LeafId!) { file(id: $id) { points(first: 1) { nodes { area(unit: \"kg\") { value } } } } }\n": types.PointAreaInKilogramsDocument,
    "\n  query PointsAndFileName($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { fileName points(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n": types.PointsAndFileNameDocument,
    "\n  mutation CreatePointsUserMachine($user: LeafId!, $input: CreateMachineInput!) { createMachine(leafUserId: $user, input: $input) { __typename } }\n": types.CreatePointsUserMachineDocument,
    "\n  query RedisMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n": types.RedisMachinesDocument,
    "\n  query RedisMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { id name } } implements(first: 5) { nodes { id } } }\n  }\n": types.RedisMachinesAndImplementsDocument,
    "\n  mutation RedisRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { id name } } }\n  }\n": types.RedisRenameMachineDocument,
    "\n  query RegisteredMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n": types.RegisteredMachineDocument,
    "\n  query FirstMachineName($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n": types.FirstMachineNameDocument,
    "subscription LoggedEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type } }": types.LoggedEventsDocument,
    "\n  subscription Events($user: LeafId!, $types: [LeafEventType!]) {\n    leafEvents(leafUserId: $user, types: $types) {\n      __typename type leafUserId timestamp\n      ... on MachineEvent { machineId machine { leafId name } }\n      ... on FileEvent { fileId message file { leafId } }\n    }\n  }\n": types.EventsDocument,
    "\n    subscription AssetEvents($user: LeafId!) {\n      leafEvents(leafUserId: $user) {\n        __typename type\n        ... on ImplementEvent { implementId implement { leafId } }\n        ... on OperatorEvent { operatorId operator { leafId } }\n        ... on OperationEvent { operationId operation { leafId } }\n      }\n    }\n  ": types.AssetEventsDocument,
    "\n  mutation CreateNamedMachine($user: LeafId!, $name: String!) {\n    createMachine(leafUserId: $user, input: { name: $name }) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine {\n          id\n          leafId\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on UpstreamWriteError {\n        upstreamStatus\n        mayHaveApplied\n      }\n    }\n  }\n": types.CreateNamedMachineDocument,
    "\n  query Typename {\n    __typename\n  }\n": types.TypenameDocument,
    "\n  query MachinesUnderFaults($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }\n  }\n": types.MachinesUnderFaultsDocument,
    "\n  query WebhookMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n": types.WebhookMachineDocument,
    "\n  query WebhookMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n": types.WebhookMachinesDocument,
    "\n  query WebhookImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { leafId name } } } }\n": types.WebhookImplementsDocument,
    "\n  query WebhookFile($id: LeafId!) { file(id: $id) { leafId fileName } }\n": types.WebhookFileDocument,
    "\n  query WebhookMachineFiles($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 5) { nodes { leafFileId } } } } }\n": types.WebhookMachineFilesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NestedMachines($user: LeafId!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NestedMachines($user: LeafId!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinePage($user: LeafId!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachinePage($user: LeafId!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineCount($user: LeafId!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n"): (typeof documents)["\n  query MachineCount($user: LeafId!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredMachines($user: LeafId!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilteredMachines($user: LeafId!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n"): (typeof documents)["\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineById($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"): (typeof documents)["\n  query MachineById($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeafUserByLiteral {\n    leafUser(id: \"uuid-1\") { leafUserId }\n  }\n"): (typeof documents)["\n  query LeafUserByLiteral {\n    leafUser(id: \"uuid-1\") { leafUserId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorizedMachineCount($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { totalCount } }\n  }\n"): (typeof documents)["\n  query AuthorizedMachineCount($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakerOperators($user: LeafId!) {\n    leafUser(id: $user) { operators(first: 3) { nodes { leafId name } } }\n  }\n"): (typeof documents)["\n  query BreakerOperators($user: LeafId!) {\n    leafUser(id: $user) { operators(first: 3) { nodes { leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakerMachine($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"): (typeof documents)["\n  query BreakerMachine($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BreakerCreateMachine($user: LeafId!) {\n    createMachine(leafUserId: $user, input: { name: \"Refused\" }) {\n      __typename\n      ... on UpstreamWriteError { mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation BreakerCreateMachine($user: LeafId!) {\n    createMachine(leafUserId: $user, input: { name: \"Refused\" }) {\n      __typename\n      ... on UpstreamWriteError { mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakerFilePoints($id: LeafId!) {\n    file(id: $id) { leafId points(first: 3) { nodes { timestamp } } }\n  }\n"): (typeof documents)["\n  query BreakerFilePoints($id: LeafId!) {\n    file(id: $id) { leafId points(first: 3) { nodes { timestamp } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n"): (typeof documents)["\n  query CachedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedMachineNode($id: ID!) { node(id: $id) { id ... on Machine { leafId name } } }\n"): (typeof documents)["\n  query CachedMachineNode($id: ID!) { node(id: $id) { id ... on Machine { leafId name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 100) { nodes { id name } }\n      implements(first: 5) { nodes { id name } }\n    }\n  }\n"): (typeof documents)["\n  query CachedMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 100) { nodes { id name } }\n      implements(first: 5) { nodes { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id name } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CacheRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id name } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheDeleteMachine($id: ID!) {\n    deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation CacheDeleteMachine($id: ID!) {\n    deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CachedImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { id name } } } }"): (typeof documents)["query CachedImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { id name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaughtUpMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n"): (typeof documents)["\n  query CaughtUpMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CaughtUpEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machineId machine { name } } } }"): (typeof documents)["subscription CaughtUpEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machineId machine { name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClusterNameOf($id: ID!) { node(id: $id) { ... on Machine { name } } }"): (typeof documents)["query ClusterNameOf($id: ID!) { node(id: $id) { ... on Machine { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClusterNameAndLeafIdOf($id: ID!) { node(id: $id) { ... on Machine { name leafId } } }"): (typeof documents)["query ClusterNameAndLeafIdOf($id: ID!) { node(id: $id) { ... on Machine { name leafId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClusterRename($id: ID!, $name: String!) {\n  updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { name } } ... on Error { message } }\n}"): (typeof documents)["mutation ClusterRename($id: ID!, $name: String!) {\n  updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { name } } ... on Error { message } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoalescingFleet($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 3) { nodes { leafId name files(first: 2) { nodes { leafFileId startTime } } } }\n      implements(first: 2) { nodes { leafId name } }\n    }\n  }\n"): (typeof documents)["\n  query CoalescingFleet($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 3) { nodes { leafId name files(first: 2) { nodes { leafFileId startTime } } } }\n      implements(first: 2) { nodes { leafId name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoalescingUserCreatedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"): (typeof documents)["\n  query CoalescingUserCreatedMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoalescingMachineIds($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId } } }\n  }\n"): (typeof documents)["\n  query CoalescingMachineIds($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoalescingMachinesFiles($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } }\n  }\n"): (typeof documents)["\n  query CoalescingMachinesFiles($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoalescingMachineFiles($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name files(first: 2) { nodes { leafFileId } } } }\n  }\n"): (typeof documents)["\n  query CoalescingMachineFiles($user: LeafId!, $id: LeafId!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name files(first: 2) { nodes { leafFileId } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContainerMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n"): (typeof documents)["\n  query ContainerMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadlineNested($user: LeafId!, $file: LeafId!) {\n    leafUser(id: $user) {\n      leafUserId\n      machines(first: 2) {\n        nodes {\n          leafId\n          files(first: 2) { nodes { leafFileId file { fileName summary { operationType } } } }\n        }\n      }\n    }\n    file(id: $file) { leafId fileName }\n  }\n"): (typeof documents)["\n  query DeadlineNested($user: LeafId!, $file: LeafId!) {\n    leafUser(id: $user) {\n      leafUserId\n      machines(first: 2) {\n        nodes {\n          leafId\n          files(first: 2) { nodes { leafFileId file { fileName summary { operationType } } } }\n        }\n      }\n    }\n    file(id: $file) { leafId fileName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeadlineTwoCreates($user: LeafId!) {\n    first: createMachine(leafUserId: $user, input: { name: \"Deadline first\" }) { __typename }\n    second: createMachine(leafUserId: $user, input: { name: \"Deadline second\" }) { __typename }\n  }\n"): (typeof documents)["\n  mutation DeadlineTwoCreates($user: LeafId!) {\n    first: createMachine(leafUserId: $user, input: { name: \"Deadline first\" }) { __typename }\n    second: createMachine(leafUserId: $user, input: { name: \"Deadline second\" }) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinesThenFiles($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 10) {\n        nodes {\n          name\n          ... @defer(label: \"files\") {\n            files(first: 5) { nodes { leafFileId file { summary { operationType } } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachinesThenFiles($user: LeafId!) {\n    leafUser(id: $user) {\n      machines(first: 10) {\n        nodes {\n          name\n          ... @defer(label: \"files\") {\n            files(first: 5) { nodes { leafFileId file { summary { operationType } } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeferredFilesOfAll($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { name ... @defer { files(first: 100) { nodes { leafFileId } } } } } }\n  }\n"): (typeof documents)["\n  query DeferredFilesOfAll($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { name ... @defer { files(first: 100) { nodes { leafFileId } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DocumentedDeleteMachine($id: ID!) { deleteMachine(id: $id) { __typename ... on Error { message } } }\n"): (typeof documents)["\n  mutation DocumentedDeleteMachine($id: ID!) { deleteMachine(id: $id) { __typename ... on Error { message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentedMachineGlobalId($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { id } } }\n"): (typeof documents)["\n  query DocumentedMachineGlobalId($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FreshnessMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"): (typeof documents)["\n  query FreshnessMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FreshnessPoints($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { points(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n"): (typeof documents)["\n  query FreshnessPoints($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { points(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExecutionMachineNames($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n"): (typeof documents)["\n  query ExecutionMachineNames($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExecutionErrorLocations($user: LeafId!) {\n    leafUser(id: $user) {\n      refused: machines(first: -1) { totalCount }\n      machines(first: 100) {\n        nodes {\n          leafId\n          name\n          label: name\n          ...ExecutionMachineName\n          ... on Machine { name }\n          files(first: 2) {\n            nodes {\n              leafFileId\n              ...ExecutionMachineFile\n              detail: file { fileName }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment ExecutionMachineName on Machine { name }\n  fragment ExecutionMachineFile on MachineFile { file { id } ... on MachineFile { file { provider } } }\n"): (typeof documents)["\n  query ExecutionErrorLocations($user: LeafId!) {\n    leafUser(id: $user) {\n      refused: machines(first: -1) { totalCount }\n      machines(first: 100) {\n        nodes {\n          leafId\n          name\n          label: name\n          ...ExecutionMachineName\n          ... on Machine { name }\n          files(first: 2) {\n            nodes {\n              leafFileId\n              ...ExecutionMachineFile\n              detail: file { fileName }\n            }\n          }\n        }\n      }\n    }\n  }\n  fragment ExecutionMachineName on Machine { name }\n  fragment ExecutionMachineFile on MachineFile { file { id } ... on MachineFile { file { provider } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileNormalMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }\n"): (typeof documents)["\n  query HostileNormalMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostileMachineIds($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id } } } }\n"): (typeof documents)["\n  query HostileMachineIds($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoundedDistances($user: LeafId!, $unit: String) {\n    leafUser(id: $user) { machines(first: 100) { nodes { files(first: 12) { nodes { distance(unit: $unit) { value unit } } } } } }\n  }\n"): (typeof documents)["\n  query BoundedDistances($user: LeafId!, $unit: String) {\n    leafUser(id: $user) { machines(first: 100) { nodes { files(first: 12) { nodes { distance(unit: $unit) { value unit } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CappedMachinesWithAFile($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } }\n  }\n"): (typeof documents)["\n  query CappedMachinesWithAFile($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CappedFirstMachine($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n"): (typeof documents)["\n  query CappedFirstMachine($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HttpCachingMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { totalCount nodes { id name } } } }"): (typeof documents)["query HttpCachingMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { totalCount nodes { id name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HttpCachingNames($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { name } } } }"): (typeof documents)["query HttpCachingNames($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UrqlMachinePage($user: LeafId!, $first: Int!, $after: String) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UrqlMachinePage($user: LeafId!, $first: Int!, $after: String) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzSurvivorMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n"): (typeof documents)["\n  query FuzzSurvivorMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlowMachines($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name } } }\n  }\n"): (typeof documents)["\n  query SlowMachines($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplicaMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"): (typeof documents)["\n  query ReplicaMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineFileSummaries($user: LeafId!, $volumeUnit: String) {\n    leafUser(id: $user) {\n      machines(first: 45) {\n        nodes {\n          leafId\n          files(first: 10) {\n            nodes {\n              leafFileId\n              file {\n                leafId\n                fileName\n                summary {\n                  __typename\n                  operationType\n                  ... on HarvestedSummary { totalDryVolume(unit: $volumeUnit) { value unit } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachineFileSummaries($user: LeafId!, $volumeUnit: String) {\n    leafUser(id: $user) {\n      machines(first: 45) {\n        nodes {\n          leafId\n          files(first: 10) {\n            nodes {\n              leafFileId\n              file {\n                leafId\n                fileName\n                summary {\n                  __typename\n                  operationType\n                  ... on HarvestedSummary { totalDryVolume(unit: $volumeUnit) { value unit } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FileDetails on LeafFile {\n    id\n    leafId\n    fileName\n    fileFormat\n    provider\n    origin\n    leafUserId\n    apiOwnerUsername\n    fieldIds\n    downloadOriginalFile\n    downloadStandardGeojson\n    summary {\n      __typename\n      operationType\n      startTime\n      endTime\n      crops\n      totalArea { value unit }\n      totalDistance { value unit }\n      elevation { avg min max unit }\n      speed { avg min max unit }\n      totalFuelUsed { value unit }\n      machinery { name type serialNumber brand }\n      originalOperationType\n      operationDescription\n      geometry\n      ... on HarvestedSummary {\n        harvestMoisture { avg min max unit }\n        wetMass { avg unit }\n        totalWetMass { value unit }\n        wetMassPerArea { avg unit }\n        dryMass { avg unit }\n        totalDryMass { value unit }\n        dryMassPerArea { avg min max unit }\n        wetVolume { avg unit }\n        totalWetVolume { value unit }\n        wetVolumePerArea { avg unit }\n        dryVolume { avg unit }\n        totalDryVolume { value unit }\n        dryVolumePerArea { avg unit }\n        varieties { name harvestMoisture { avg unit } wetMass { value unit } dryMass { value unit } wetVolume { value unit } dryVolume { value unit } area { value unit } }\n      }\n      ... on PlantedSummary {\n        seedRate { avg min max unit }\n        seedRateTarget { avg unit }\n        seedDepth { avg unit }\n        totalPlanted { value unit }\n        singulation { avg unit }\n        downForce { avg unit }\n        varieties { name rate { avg min max unit } rateTarget { avg min max unit } area { value unit } totalPlanted { value unit } }\n      }\n      ... on AppliedSummary {\n        appliedRate { avg min max unit }\n        appliedRateTarget { avg unit }\n        totalApplied { value unit }\n        tankMix\n        products { name type rate { value unit } totalApplied { value unit } area { value unit } }\n      }\n      ... on TillageSummary {\n        tillType\n        tillageDepthTarget { avg min max unit }\n        tillageDepthActual { avg min max unit }\n      }\n      ... on OtherSummary { properties }\n    }\n  }\n"): (typeof documents)["\n  fragment FileDetails on LeafFile {\n    id\n    leafId\n    fileName\n    fileFormat\n    provider\n    origin\n    leafUserId\n    apiOwnerUsername\n    fieldIds\n    downloadOriginalFile\n    downloadStandardGeojson\n    summary {\n      __typename\n      operationType\n      startTime\n      endTime\n      crops\n      totalArea { value unit }\n      totalDistance { value unit }\n      elevation { avg min max unit }\n      speed { avg min max unit }\n      totalFuelUsed { value unit }\n      machinery { name type serialNumber brand }\n      originalOperationType\n      operationDescription\n      geometry\n      ... on HarvestedSummary {\n        harvestMoisture { avg min max unit }\n        wetMass { avg unit }\n        totalWetMass { value unit }\n        wetMassPerArea { avg unit }\n        dryMass { avg unit }\n        totalDryMass { value unit }\n        dryMassPerArea { avg min max unit }\n        wetVolume { avg unit }\n        totalWetVolume { value unit }\n        wetVolumePerArea { avg unit }\n        dryVolume { avg unit }\n        totalDryVolume { value unit }\n        dryVolumePerArea { avg unit }\n        varieties { name harvestMoisture { avg unit } wetMass { value unit } dryMass { value unit } wetVolume { value unit } dryVolume { value unit } area { value unit } }\n      }\n      ... on PlantedSummary {\n        seedRate { avg min max unit }\n        seedRateTarget { avg unit }\n        seedDepth { avg unit }\n        totalPlanted { value unit }\n        singulation { avg unit }\n        downForce { avg unit }\n        varieties { name rate { avg min max unit } rateTarget { avg min max unit } area { value unit } totalPlanted { value unit } }\n      }\n      ... on AppliedSummary {\n        appliedRate { avg min max unit }\n        appliedRateTarget { avg unit }\n        totalApplied { value unit }\n        tankMix\n        products { name type rate { value unit } totalApplied { value unit } area { value unit } }\n      }\n      ... on TillageSummary {\n        tillType\n        tillageDepthTarget { avg min max unit }\n        tillageDepthActual { avg min max unit }\n      }\n      ... on OtherSummary { properties }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilesByType($harvested: LeafId!, $planted: LeafId!, $applied: LeafId!, $tillage: LeafId!, $irrigated: LeafId!, $other: LeafId!) {\n    harvested: file(id: $harvested) { ...FileDetails }\n    planted: file(id: $planted) { ...FileDetails }\n    applied: file(id: $applied) { ...FileDetails }\n    tillage: file(id: $tillage) { ...FileDetails }\n    irrigated: file(id: $irrigated) { ...FileDetails }\n    other: file(id: $other) { ...FileDetails }\n  }\n"): (typeof documents)["\n  query FilesByType($harvested: LeafId!, $planted: LeafId!, $applied: LeafId!, $tillage: LeafId!, $irrigated: LeafId!, $other: LeafId!) {\n    harvested: file(id: $harvested) { ...FileDetails }\n    planted: file(id: $planted) { ...FileDetails }\n    applied: file(id: $applied) { ...FileDetails }\n    tillage: file(id: $tillage) { ...FileDetails }\n    irrigated: file(id: $irrigated) { ...FileDetails }\n    other: file(id: $other) { ...FileDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OneFile($id: LeafId!) {\n    file(id: $id) { ...FileDetails }\n  }\n"): (typeof documents)["\n  query OneFile($id: LeafId!) {\n    file(id: $id) { ...FileDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FileImages($id: LeafId!) {\n    first: file(id: $id) { leafId images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } } }\n    again: file(id: $id) { images { property } }\n  }\n"): (typeof documents)["\n  query FileImages($id: LeafId!) {\n    first: file(id: $id) { leafId images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } } }\n    again: file(id: $id) { images { property } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FileWithoutImages($id: LeafId!) {\n    file(id: $id) { leafId fileName }\n  }\n"): (typeof documents)["\n  query FileWithoutImages($id: LeafId!) {\n    file(id: $id) { leafId fileName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversions($id: LeafId!) {\n    file(id: $id) {\n      summary {\n        totalArea { value unit }\n        ha: totalArea(unit: \"ha\") { value unit }\n        ac: totalArea(unit: \"ac\") { value unit }\n        totalDistance { value unit }\n        m: totalDistance(unit: \"m\") { value unit }\n        km: totalDistance(unit: \"km\") { value unit }\n        mi: totalDistance(unit: \"mi\") { value unit }\n        speed { avg min max unit }\n        kmh: speed(unit: \"km/h\") { avg min max unit }\n        ... on HarvestedSummary {\n          totalWetMass { value unit }\n          kg: totalWetMass(unit: \"kg\") { value unit }\n          t: totalWetMass(unit: \"t\") { value unit }\n          totalDryVolume { value unit }\n          litres: totalDryVolume(unit: \"l\") { value unit }\n          gallons: totalDryVolume(unit: \"gal\") { value unit }\n          dryMassPerArea { avg min max unit }\n          kgPerHa: dryMassPerArea(unit: \"kg/ha\") { avg min max unit }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversions($id: LeafId!) {\n    file(id: $id) {\n      summary {\n        totalArea { value unit }\n        ha: totalArea(unit: \"ha\") { value unit }\n        ac: totalArea(unit: \"ac\") { value unit }\n        totalDistance { value unit }\n        m: totalDistance(unit: \"m\") { value unit }\n        km: totalDistance(unit: \"km\") { value unit }\n        mi: totalDistance(unit: \"mi\") { value unit }\n        speed { avg min max unit }\n        kmh: speed(unit: \"km/h\") { avg min max unit }\n        ... on HarvestedSummary {\n          totalWetMass { value unit }\n          kg: totalWetMass(unit: \"kg\") { value unit }\n          t: totalWetMass(unit: \"t\") { value unit }\n          totalDryVolume { value unit }\n          litres: totalDryVolume(unit: \"l\") { value unit }\n          gallons: totalDryVolume(unit: \"gal\") { value unit }\n          dryMassPerArea { avg min max unit }\n          kgPerHa: dryMassPerArea(unit: \"kg/ha\") { avg min max unit }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImpossibleConversion($id: LeafId!, $unit: String) {\n    file(id: $id) {\n      leafId\n      summary {\n        operationType\n        totalArea { value unit }\n        ... on HarvestedSummary { totalWetMass(unit: $unit) { value unit } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImpossibleConversion($id: LeafId!, $unit: String) {\n    file(id: $id) {\n      leafId\n      summary {\n        operationType\n        totalArea { value unit }\n        ... on HarvestedSummary { totalWetMass(unit: $unit) { value unit } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldOperationDetails($id: LeafId!) {\n    fieldOperation(id: $id) {\n      id\n      leafId\n      type\n      startTime\n      endTime\n      updatedTime\n      leafUserId\n      providers\n      fields { fieldId coverage }\n      files { leafId fileName summary { operationType } }\n      summary {\n        __typename\n        operationType\n        startTime\n        endTime\n        totalArea { value unit }\n        ... on HarvestedSummary { totalDryVolume(unit: \"bu\") { value unit } }\n        ... on PlantedSummary { totalPlanted { value unit } }\n        ... on AppliedSummary { totalApplied { value unit } }\n        ... on TillageSummary { tillType }\n        ... on OtherSummary { properties }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FieldOperationDetails($id: LeafId!) {\n    fieldOperation(id: $id) {\n      id\n      leafId\n      type\n      startTime\n      endTime\n      updatedTime\n      leafUserId\n      providers\n      fields { fieldId coverage }\n      files { leafId fileName summary { operationType } }\n      summary {\n        __typename\n        operationType\n        startTime\n        endTime\n        totalArea { value unit }\n        ... on HarvestedSummary { totalDryVolume(unit: \"bu\") { value unit } }\n        ... on PlantedSummary { totalPlanted { value unit } }\n        ... on AppliedSummary { totalApplied { value unit } }\n        ... on TillageSummary { tillType }\n        ... on OtherSummary { properties }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldOperationHeader($id: LeafId!) {\n    fieldOperation(id: $id) { leafId type }\n  }\n"): (typeof documents)["\n  query FieldOperationHeader($id: LeafId!) {\n    fieldOperation(id: $id) { leafId type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeFile($id: ID!) {\n    node(id: $id) { id ... on LeafFile { leafId fileName } ... on FieldOperation { leafId type } }\n  }\n"): (typeof documents)["\n  query NodeFile($id: ID!) {\n    node(id: $id) { id ... on LeafFile { leafId fileName } ... on FieldOperation { leafId type } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinesByOrigin($user: LeafId!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachinesByOrigin($user: LeafId!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadMachine($user: LeafId!, $leafId: LeafId!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n"): (typeof documents)["\n  query ReadMachine($user: LeafId!, $leafId: LeafId!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineNames($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"): (typeof documents)["\n  query MachineNames($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMachine($user: LeafId!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMachine($user: LeafId!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n"): (typeof documents)["\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeafUserGlobalId($user: LeafId!) {\n    leafUser(id: $user) { id }\n  }\n"): (typeof documents)["\n  query LeafUserGlobalId($user: LeafId!) {\n    leafUser(id: $user) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateThenCreate($id: ID!, $user: LeafId!) {\n    first: updateMachine(id: $id, input: { name: \"Never sent\" }) { __typename ... on UpstreamWriteError { mayHaveApplied } }\n    second: createMachine(leafUserId: $user, input: { name: \"Still created\" }) { __typename }\n  }\n"): (typeof documents)["\n  mutation UpdateThenCreate($id: ID!, $user: LeafId!) {\n    first: updateMachine(id: $id, input: { name: \"Never sent\" }) { __typename ... on UpstreamWriteError { mayHaveApplied } }\n    second: createMachine(leafUserId: $user, input: { name: \"Still created\" }) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n"): (typeof documents)["\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservedMachines($user: LeafId!, $first: Int) {\n    leafUser(id: $user) { machines(first: $first) { nodes { id name } } }\n  }\n"): (typeof documents)["\n  query ObservedMachines($user: LeafId!, $first: Int) {\n    leafUser(id: $user) { machines(first: $first) { nodes { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservedFilePoints($id: LeafId!) {\n    file(id: $id) { points(first: 3) { nodes { timestamp } } }\n  }\n"): (typeof documents)["\n  query ObservedFilePoints($id: LeafId!) {\n    file(id: $id) { points(first: 3) { nodes { timestamp } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PointFields on OperationPoint {\n  __typename\n  timestamp\n  operationType\n  geometry\n  crop\n  variety\n  area { value unit }\n  distance { value unit }\n  heading\n  speed { value unit }\n  elevation { value unit }\n  equipmentWidth { value unit }\n  recordingStatus\n  sectionId\n  machinery\n  ... on HarvestedPoint {\n    harvestMoisture\n    wetMass { value unit } wetVolume { value unit } wetMassPerArea { value unit } wetVolumePerArea { value unit }\n    dryMass { value unit } dryVolume { value unit } dryMassPerArea { value unit } dryVolumePerArea { value unit }\n  }\n  ... on PlantedPoint {\n    seedRate { value unit } seedRateTarget { value unit } seedDepth { value unit } downForce { value unit }\n    singulation skips doubles\n  }\n  ... on AppliedPoint { appliedRate { value unit } appliedRateTarget { value unit } products { name rate { value unit } } }\n  ... on TillagePoint { tillageDepthTarget { value unit } tillType }\n  ... on OtherPoint { properties }\n  }\n"): (typeof documents)["\n  fragment PointFields on OperationPoint {\n  __typename\n  timestamp\n  operationType\n  geometry\n  crop\n  variety\n  area { value unit }\n  distance { value unit }\n  heading\n  speed { value unit }\n  elevation { value unit }\n  equipmentWidth { value unit }\n  recordingStatus\n  sectionId\n  machinery\n  ... on HarvestedPoint {\n    harvestMoisture\n    wetMass { value unit } wetVolume { value unit } wetMassPerArea { value unit } wetVolumePerArea { value unit }\n    dryMass { value unit } dryVolume { value unit } dryMassPerArea { value unit } dryVolumePerArea { value unit }\n  }\n  ... on PlantedPoint {\n    seedRate { value unit } seedRateTarget { value unit } seedDepth { value unit } downForce { value unit }\n    singulation skips doubles\n  }\n  ... on AppliedPoint { appliedRate { value unit } appliedRateTarget { value unit } products { name rate { value unit } } }\n  ... on TillagePoint { tillageDepthTarget { value unit } tillType }\n  ... on OtherPoint { properties }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilePoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      leafId\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { ...PointFields }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilePoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      leafId\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { ...PointFields }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapPoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MapPoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {\n    file(id: $id) {\n      points(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstThreePoints($id: LeafId!) { file(id: $id) { points(first: 3) { pageInfo { hasNextPage } nodes { timestamp } } } }\n"): (typeof documents)["\n  query FirstThreePoints($id: LeafId!) { file(id: $id) { points(first: 3) { pageInfo { hasNextPage } nodes { timestamp } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConvertedPoint($id: LeafId!) {\n    file(id: $id) {\n      points(first: 1) {\n        nodes {\n          __typename\n          area(unit: \"ac\") { value unit }\n          speed(unit: \"km/h\") { value unit }\n          ... on HarvestedPoint { wetMassPerArea(unit: \"kg/ha\") { value unit } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConvertedPoint($id: LeafId!) {\n    file(id: $id) {\n      points(first: 1) {\n        nodes {\n          __typename\n          area(unit: \"ac\") { value unit }\n          speed(unit: \"km/h\") { value unit }\n          ... on HarvestedPoint { wetMassPerArea(unit: \"kg/ha\") { value unit } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointAreaInKilograms($id: LeafId!) { file(id: $id) { points(first: 1) { nodes { area(unit: \"kg\") { value } } } } }\n"): (typeof documents)["\n  query PointAreaInKilograms($id: LeafId!) { file(id: $id) { points(first: 1) { nodes { area(unit: \"kg\") { value } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointsAndFileName($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { fileName points(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n"): (typeof documents)["\n  query PointsAndFileName($id: LeafId!, $first: Int, $after: String) {\n    file(id: $id) { fileName points(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { timestamp } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePointsUserMachine($user: LeafId!, $input: CreateMachineInput!) { createMachine(leafUserId: $user, input: $input) { __typename } }\n"): (typeof documents)["\n  mutation CreatePointsUserMachine($user: LeafId!, $input: CreateMachineInput!) { createMachine(leafUserId: $user, input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RedisMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n"): (typeof documents)["\n  query RedisMachines($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RedisMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { id name } } implements(first: 5) { nodes { id } } }\n  }\n"): (typeof documents)["\n  query RedisMachinesAndImplements($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 100) { nodes { id name } } implements(first: 5) { nodes { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedisRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { id name } } }\n  }\n"): (typeof documents)["\n  mutation RedisRenameMachine($id: ID!, $name: String!) {\n    updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisteredMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n"): (typeof documents)["\n  query RegisteredMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstMachineName($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n"): (typeof documents)["\n  query FirstMachineName($user: LeafId!) {\n    leafUser(id: $user) { machines(first: 1) { nodes { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LoggedEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type } }"): (typeof documents)["subscription LoggedEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Events($user: LeafId!, $types: [LeafEventType!]) {\n    leafEvents(leafUserId: $user, types: $types) {\n      __typename type leafUserId timestamp\n      ... on MachineEvent { machineId machine { leafId name } }\n      ... on FileEvent { fileId message file { leafId } }\n    }\n  }\n"): (typeof documents)["\n  subscription Events($user: LeafId!, $types: [LeafEventType!]) {\n    leafEvents(leafUserId: $user, types: $types) {\n      __typename type leafUserId timestamp\n      ... on MachineEvent { machineId machine { leafId name } }\n      ... on FileEvent { fileId message file { leafId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription AssetEvents($user: LeafId!) {\n      leafEvents(leafUserId: $user) {\n        __typename type\n        ... on ImplementEvent { implementId implement { leafId } }\n        ... on OperatorEvent { operatorId operator { leafId } }\n        ... on OperationEvent { operationId operation { leafId } }\n      }\n    }\n  "): (typeof documents)["\n    subscription AssetEvents($user: LeafId!) {\n      leafEvents(leafUserId: $user) {\n        __typename type\n        ... on ImplementEvent { implementId implement { leafId } }\n        ... on OperatorEvent { operatorId operator { leafId } }\n        ... on OperationEvent { operationId operation { leafId } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNamedMachine($user: LeafId!, $name: String!) {\n    createMachine(leafUserId: $user, input: { name: $name }) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine {\n          id\n          leafId\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on UpstreamWriteError {\n        upstreamStatus\n        mayHaveApplied\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNamedMachine($user: LeafId!, $name: String!) {\n    createMachine(leafUserId: $user, input: { name: $name }) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine {\n          id\n          leafId\n          name\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on UpstreamWriteError {\n        upstreamStatus\n        mayHaveApplied\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Typename {\n    __typename\n  }\n"): (typeof documents)["\n  query Typename {\n    __typename\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinesUnderFaults($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }\n  }\n"): (typeof documents)["\n  query MachinesUnderFaults($user: LeafId!, $first: Int!) {\n    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"): (typeof documents)["\n  query WebhookMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n"): (typeof documents)["\n  query WebhookMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { leafId name } } } }\n"): (typeof documents)["\n  query WebhookImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { leafId name } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookFile($id: LeafId!) { file(id: $id) { leafId fileName } }\n"): (typeof documents)["\n  query WebhookFile($id: LeafId!) { file(id: $id) { leafId fileName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookMachineFiles($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 5) { nodes { leafFileId } } } } }\n"): (typeof documents)["\n  query WebhookMachineFiles($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 5) { nodes { leafFileId } } } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;