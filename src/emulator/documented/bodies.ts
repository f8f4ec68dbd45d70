// Leaf's documented example bodies, verbatim (shared/leaf-api, copied so a fresh clone has
// them): the emulator serves these under DOCUMENTED_TOKEN (contract section 8). Each is the
// exact text Leaf's documentation prints; only the file example's `"summary": { ... }`, which
// the page itself says stands for a summary, is filled in by ./routes.ts with each of the four.

/** 001: Get all machines (GET /users/{leafUserId}/machines). */
export const MACHINES = `[
  {
    "id": "e89b1861-bdbb-49b9-8e11-74840f7e1ea8",
    "leafUserId": "faa6691a-7bf7-49c2-8934-b5b4c823aef8",
    "name": "TestName",
    "provider": "Leaf",
    "providerMachineId": "08790ae9-d451-4158-9920-09d1ab1ba5e6",
    "providerOrganizationId": "123456",
    "originType": "PROVIDER_POOLED",
    "createdTime": "2022-02-22T20:06:25.411Z",
    "serialNumber": "123456",
    "vin": "1234567890ABC",
    "model": "ModelName",
    "make": "MakerOfMachine",
    "category": "Sprayer",
    "modelYear": 2000
  },
  {
    "id": "82725746-3150-490d-9f3f-a47151ac0669",
    "leafUserId": "325f5ac0-6c57-4b4a-bdea-490ccddb06c4",
    "name": "nameTest",
    "provider": "Leaf",
    "providerMachineId": "75f362b4-8f61-46f9-905b-a357fb239930",
    "providerOrganizationId": "654321",
    "originType": "FILE_POOLED",
    "createdTime": "2022-02-22T20:06:25.411Z",
    "serialNumber": "123456",
    "vin": "1234567890ABC",
    "model": "ModelName",
    "make": "MakerOfMachine",
    "category": "Harvester",
    "modelYear": 2020
  }
]`;

/** 001: Get a machine (GET /users/{leafUserId}/machines/{machineId}). */
export const MACHINE = `{
  "id": "e89b1861-bdbb-49b9-8e11-74840f7e1ea8",
  "leafUserId": "faa6691a-7bf7-49c2-8934-b5b4c823aef8",
  "name": "TestName",
  "provider": "Leaf",
  "providerMachineId": "08790ae9-d451-4158-9920-09d1ab1ba5e6",
  "providerOrganizationId": "123456",
  "originType": "PROVIDER_POOLED",
  "createdTime": "2022-02-22T20:06:25.411Z",
  "serialNumber": "123456",
  "vin": "1234567890ABC",
  "model": "ModelName",
  "make": "MakerOfMachine",
  "category": "Sprayer",
  "modelYear": 2000
}`;

/** 001: Get machine files (GET /users/{leafUserId}/machines/{machineId}/files). */
export const MACHINE_FILES = `[
  {
    "id": "e7916d05-97ae-404a-a467-e2512c202a2f",
    "leafFileId": "e0e18a6f-4f88-4801-96e2-f39143f260e1",
    "machineId": "98b244fc-7b2d-4acf-a51a-58d20ae27355",
    "startTime": "2022-02-22T20:06:25.411Z",
    "endTime": "2022-02-22T20:07:25.411Z",
    "distance": {
      "value": 4152.255,
      "unit": "ft"
    },
    "fuelConsumption": {
      "value": 28.89,
      "unit": "US gal"
    }
  }
]`;

/** 001: Create a machine (POST /users/{leafUserId}/machines). */
export const CREATED_MACHINE = `{
  "id": "d5efe8a1-98be-40db-b2b2-2da332e8f69c",
  "name": "nameTest",
  "provider": "Leaf",
  "providerMachineId": "24de86ff-e6f0-4f8f-b429-0571c30a7ddf",
  "providerOrganizationId": "654321",
  "leafUserId": "9e081c9d-6185-49e1-8df7-7788d6aa1211",
  "originType": "USER_CREATED",
  "createdTime": "2023-06-12T17:38:09.148Z",
  "serialNumber": "123456",
  "vin": "1234567890ABC",
  "model": "ModelName",
  "make": "MakerOfMachine",
  "category": "Harvester",
  "modelYear": 2020
}`;

/** 001: Update a machine (PATCH /users/{leafUserId}/machines/{machineId}). */
export const UPDATED_MACHINE = `{
  "id": "d5efe8a1-98be-40db-b2b2-2da332e8f69c",
  "name": "updatedName",
  "provider": "Leaf",
  "providerMachineId": "24de86ff-e6f0-4f8f-b429-0571c30a7ddf",
  "providerOrganizationId": "654321",
  "leafUserId": "9e081c9d-6185-49e1-8df7-7788d6aa1211",
  "originType": "USER_CREATED",
  "createdTime": "2023-06-12T17:38:09.148Z",
  "serialNumber": "000123",
  "vin": "1234567890EFR",
  "model": "ModelNameUpdated",
  "make": "MakerOfMachineUpdated",
  "category": "Planted",
  "modelYear": 2021
}`;

/** 001: Get all implements (GET /users/{leafUserId}/implements). */
export const IMPLEMENTS = `[
  {
    "id": "38d313fc-e4ce-442b-9147-f469b30aedab",
    "name": "c3po_implement",
    "provider": "JohnDeere",
    "providerImplementId": "110237",
    "providerOrganizationId": "296264",
    "leafUserId": "mbba54fb-3710-4f7d-9aaf-703107930193",
    "originType": "PROVIDER_POOLED",
    "serialNumber": "00000",
    "model": "StMax150",
    "make": "JOHN DEERE",
    "category": "Cotton Harvester Implement"
  }
]`;

/** 001: Get an implement (GET /users/{leafUserId}/implements/{implementId}). */
export const IMPLEMENT = `{
  "id": "38d313fc-e4ce-442b-9147-f469b30aedab",
  "name": "c3po_implement",
  "provider": "JohnDeere",
  "providerImplementId": "110237",
  "providerOrganizationId": "296264",
  "leafUserId": "mbba54fb-3710-4f7d-9aaf-703107930193",
  "originType": "PROVIDER_POOLED",
  "serialNumber": "00000",
  "model": "StMax150",
  "make": "JOHN DEERE",
  "category": "Cotton Harvester Implement"
}`;

/** 001: Get all operators (GET /users/{leafUserId}/operators). */
export const OPERATORS = `[
  {
    "id": "aa8c917bc-7e9b-47bc-99b8-4a0df818ab07",
    "name": "Brian O.",
    "provider": "JohnDeere",
    "providerOperatorId": "bbd3a3e8-5ac3-4ab8-4619-d582da4568cc",
    "providerOrganizationId": "9999",
    "originType": "PROVIDER_POOLED",
    "license": null,
    "updatedTime": "2023-10-10T10:10:10.000Z",
    "status": "ACTIVE"
  }
]`;

/** 001: Get an operator (GET /users/{leafUserId}/operators/{operatorId}). */
export const OPERATOR = `{
  "id": "aa8c917bc-7e9b-47bc-99b8-4a0df818ab07",
  "name": "Brian O.",
  "provider": "JohnDeere",
  "providerOperatorId": "bbd3a3e8-5ac3-4ab8-4619-d582da4568cc",
  "providerOrganizationId": "9999",
  "originType": "PROVIDER_POOLED",
  "license": null,
  "updatedTime": "2023-10-10T10:10:10.000Z",
  "status": "ACTIVE"
}`;

/** 003: Machine file (GET /files/{id}); its "summary": { ... } stands for one of the four summaries below. */
export const FILE = `{
  "id": "7b525b72-a8e7-4d34-80bb-9ea2dde87a09",
  "provider": "providerName",
  "fields": [
    "696b5df6-e401-4d13-bafe-3d2689723254"
  ],
  "fileFormat": "CN1",
  "fileName": "testFile.zip",
  "downloadOriginalFile": "url",
  "downloadStandardGeojson": "url",
  "leafUserId": "286eeb50-8e85-4e33-9f2d-1b9dcf0e56d7",
  "apiOwnerUsername": "test",
  "summary": { ... }
}`;

/** 003: Machine file summaries, Harvested. */
export const HARVESTED_SUMMARY = `{
  "type": "Feature",
  "properties": {
    "operationType": "harvested",
    "startTime": "2015-09-23T00:00:00Z",
    "endTime": "2015-09-24T00:36:55.8Z",
    "crop": ["corn"],
    "totalArea": { "value": 24963.04, "unit": "m2" },
    "totalDistance": { "value": 17978.42, "unit": "ft" },
    "elevation": { "avg": 155.78, "min": 147.6, "max": 162.4, "unit": "ft" },
    "speed": { "avg": 4.93, "min": 2.43, "max": 6.39, "unit": "mi/hr" },
    "harvestMoisture": { "avg": 18.22, "min": 12.75, "max": 21.18, "unit": "percentage" },
    "wetMass": { "avg": 5.86, "min": 0.04, "max": 11.06, "unit": "lb" },
    "totalWetMass": { "value": 72494.18, "unit": "lb" },
    "wetMassPerArea": { "avg": 11752.32, "min": 87.80, "max": 40340.88, "unit": "lb/ac" },
    "dryMass": { "avg": 5.63, "min": 0.04, "max": 10.89, "unit": "lb" },
    "totalDryMass": { "value": 69707.74, "unit": "lb" },
    "dryMassPerArea": { "avg": 11300.59, "min": 82.16, "max": 38518.42, "unit": "lb/ac" },
    "wetVolume": { "avg": 0.10, "min": 0.001, "max": 0.20, "unit": "bu" },
    "totalWetVolume": { "value": 1294.54, "unit": "bu" },
    "wetVolumePerArea": { "avg": 209.86, "min": 1.57, "max": 720.37, "unit": "bu/ac" },
    "dryVolume": { "avg": 0.10, "min": 0.001, "max": 0.19, "unit": "bu" },
    "totalDryVolume": { "value": 1244.78, "unit": "bu" },
    "dryVolumePerArea": { "avg": 201.80, "min": 1.47, "max": 687.83, "unit": "bu/ac" },
    "totalFuelUsed": { "value": 196.25, "unit": "gal" },
    "varieties": [
      {
        "name": "Corn",
        "harvestMoisture": { "avg": 18.22, "min": 12.75, "max": 21.18, "unit": "percentage" },
        "wetMass": { "value": 72494.18, "unit": "lb" },
        "dryMass": { "value": 69707.74, "unit": "lb" },
        "wetVolume": { "value": 1294.54, "unit": "bu" },
        "dryVolume": { "value": 1244.78, "unit": "bu" },
        "area": { "value": 24963.04, "unit": "m2" }
      }
    ],
    "machinery": [
      { "name": "Case IH X010 Series 7010", "type": "machine", "serialNumber": "8227260", "brand": "Case IH" },
      { "name": "Case IH Corn Head 15ft 6row", "type": "implement", "brand": "Case IH" }
    ],
    "originalOperationType": "Harvesting"
  },
  "geometry": {
    "type": "MultiPolygon",
    "coordinates": [[[[-89.804, 40.478], [-89.808, 40.476], [-89.807, 40.473], [-89.805, 40.471], [-89.801, 40.471], [-89.798, 40.473], [-89.798, 40.476], [-89.801, 40.478], [-89.804, 40.478]]]]
  }
}`;

/** 003: Machine file summaries, Planted. */
export const PLANTED_SUMMARY = `{
  "type": "Feature",
  "properties": {
    "operationType": "planted",
    "startTime": "2015-05-02T20:02:28.64Z",
    "endTime": "2015-05-02T20:09:32.64Z",
    "crop": ["corn"],
    "totalArea": { "value": 5779.89, "unit": "m2" },
    "totalDistance": { "value": 1555.35, "unit": "ft" },
    "elevation": { "avg": 142.05, "min": 141.9, "max": 142.2, "unit": "ft" },
    "speed": { "avg": 3.91, "min": 0.058, "max": 4.258, "unit": "mi/hr" },
    "seedRate": { "avg": 32889.93, "min": 31960, "max": 46135.31, "unit": "seeds/ac" },
    "totalPlanted": { "value": 46974, "unit": "seeds" },
    "singulation": { "avg": 99.62, "min": 99.48, "max": 99.76, "unit": "prcnt" },
    "downForce": { "avg": 67.79, "min": 2, "max": 114, "unit": "lbf" },
    "totalFuelUsed": { "value": 196.25, "unit": "gal" },
    "varieties": [
      {
        "name": "variety",
        "rate": { "avg": 32889.93, "min": 31960, "max": 46135.31, "unit": "seeds/ac", "minTarget": 32000, "maxTarget": 33000, "avgTarget": 32890.79 },
        "area": { "value": 5779.89, "unit": "m2" },
        "totalPlanted": { "value": 46974, "unit": "seeds" }
      }
    ],
    "machinery": [
      { "name": "Challenger 745 Tractor", "type": "machine", "serialNumber": "8220203", "brand": "Challenger" },
      { "name": "Kinze 40.0' 16 Row Planter", "type": "implement", "brand": "Kinze" }
    ],
    "originalOperationType": "SowingAndPlanting"
  },
  "geometry": { "type": "MultiPolygon", "coordinates": [[[[-89.804, 40.478], [-89.808, 40.476], [-89.807, 40.473], [-89.805, 40.471], [-89.801, 40.471], [-89.798, 40.473], [-89.798, 40.476], [-89.801, 40.478], [-89.804, 40.478]]]] }
}`;

/** 003: Machine file summaries, Applied. */
export const APPLIED_SUMMARY = `{
  "type": "Feature",
  "properties": {
    "operationType": "applied",
    "startTime": "2017-04-22T18:31:23.105Z",
    "endTime": "2017-04-22T18:46:08.308Z",
    "crop": [],
    "totalArea": { "value": 63817.04, "unit": "m2" },
    "totalDistance": { "value": 7532.93, "unit": "ft" },
    "elevation": { "avg": 254.06, "min": 244.1, "max": 263.5, "unit": "ft" },
    "speed": { "avg": 10.12, "min": 1.82, "max": 12.68, "unit": "mi/hr" },
    "appliedRate": { "avg": 14.23, "min": 0.27, "max": 66.09, "unit": "gal/ac" },
    "totalApplied": { "value": 224.46, "unit": "gal" },
    "totalFuelUsed": { "value": 196.25, "unit": "gal" },
    "tankMix": true,
    "products": [
      {
        "name": "Fastac EC",
        "type": "Component",
        "rate": { "unit": "floz/ac", "value": 3.4 },
        "totalApplied": { "value": 75.41, "unit": "floz" },
        "area": { "value": 89753.33, "unit": "m2" }
      },
      {
        "name": "Water",
        "type": "Carrier",
        "rate": { "unit": "gal/ac", "value": 15 },
        "totalApplied": { "value": 332.68, "unit": "gal" },
        "area": { "value": 89753.33, "unit": "m2" }
      }
    ],
    "operationDescription": "Pre-Emerge",
    "machinery": [
      { "name": "John Deere R Series R4030", "type": "machine", "serialNumber": "10071690", "brand": "John Deere" },
      { "name": "Sprayer", "type": "implement", "brand": "unknown" }
    ],
    "originalOperationType": "CropProtection"
  },
  "geometry": { "type": "MultiPolygon", "coordinates": [[[[-89.804, 40.478], [-89.808, 40.476], [-89.807, 40.473], [-89.805, 40.471], [-89.801, 40.471], [-89.798, 40.473], [-89.798, 40.476], [-89.801, 40.478], [-89.804, 40.478]]]] }
}`;

/** 003: Machine file summaries, Tillage. */
export const TILLAGE_SUMMARY = `{
  "type": "Feature",
  "properties": {
    "operationType": "tillage",
    "startTime": "2016-09-13T20:33:14.786Z",
    "endTime": "2016-09-13T22:03:10.801Z",
    "totalArea": { "value": 202441.91, "unit": "m2" },
    "totalDistance": { "value": 54476.66, "unit": "ft" },
    "elevation": { "avg": 994.65, "min": 994.65, "max": 994.65, "unit": "ft" },
    "tillType": ["Closing Disk"],
    "tillageDepthActual": { "avg": 0, "min": 0, "max": 0, "unit": "in" },
    "tillageDepthTarget": { "avg": 6, "min": 6, "max": 6, "unit": "in" }
  },
  "geometry": { "type": "MultiPolygon", "coordinates": [[[[-89.804, 40.478], [-89.808, 40.476], [-89.807, 40.473], [-89.805, 40.471], [-89.801, 40.471], [-89.798, 40.473], [-89.798, 40.476], [-89.801, 40.478], [-89.804, 40.478]]]] }
}`;

/** 003: Field operation (GET /operations/{id}). */
export const FIELD_OPERATION = `{
  "id": "uuid",
  "apiOwnerUsername": "leaf@withleaf.io",
  "leafUserId": "uuid",
  "startTime": "2016-09-19T18:30:51.640+00:00",
  "endTime": "2016-09-21T21:48:25.000+00:00",
  "updatedTime": "2023-04-15T12:00:00.000+00:00",
  "type": "harvested",
  "files": ["uuid-1", "uuid-2", "uuid-3"],
  "fields": [
    { "id": "uuid", "coverage": 0.95 }
  ],
  "providers": ["JohnDeere"]
}`;

/** 003: Images, V2 images (GET /files/{id}/images). */
export const V2_IMAGES = `[
  {
    "property": "wetMassPerArea",
    "legend": {
      "ranges": [
        { "colorCode": "#C80000", "min": 0, "max": 20 },
        { "colorCode": "#FF2800", "min": 20, "max": 50 },
        { "colorCode": "#FF9600", "min": 50, "max": 100 },
        { "colorCode": "#FFF000", "min": 100, "max": 250 },
        { "colorCode": "#00E600", "min": 250, "max": 340 },
        { "colorCode": "#00BE00", "min": 340, "max": 480 },
        { "colorCode": "#008200", "min": 480, "max": 570 }
      ]
    },
    "extent": { "xMin": 0.0, "xMax": 0.0, "yMin": 0.0, "yMax": 0.0 },
    "downloadUrl": "https://api.withleaf.io/...",
    "status": "PROCESSED",
    "url": "https://..."
  }
]`;

/** 003: Images, GeoTIFF images (GET /files/{id}/images). */
export const GEOTIFF_IMAGES = `[
  {
    "property": "wetMassPerArea",
    "url": "https://s3-url-to-geotiff/geotiff-uuid.tif",
    "downloadUrl": "https://api.withleaf.io/..."
  },
  {
    "property": "dryVolumePerArea",
    "url": "https://s3-url-to-geotiff/geotiff-uuid.tif",
    "downloadUrl": "https://api.withleaf.io/..."
  },
  {
    "property": "harvestMoisture",
    "url": "https://s3-url-to-geotiff/geotiff-uuid.tif",
    "downloadUrl": "https://api.withleaf.io/..."
  }
]`;
