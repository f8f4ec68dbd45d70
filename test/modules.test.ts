// The module lists `npm run codegen` writes (src/codegen/modules.ts): every schema domain module
// and every emulator resource is listed, in the order the lists already had.
import { describe, expect, it } from 'vitest';
import { MODULE_LISTS, currentText, expectedText } from '../src/codegen/modules.js';
import { EMULATOR_RESOURCES } from '../src/emulator/resources/index.js';

describe('the generated module lists', () => {
  for (const list of MODULE_LISTS) {
    it(`src/${list.file} lists every module (run npm run codegen when this fails)`, () => {
      const present = currentText(list);
      expect(present, `src/${list.file} is stale: run npm run codegen`).toBe(expectedText(list, present));
    });
  }

  it('keeps a list in its order and appends a new module', () => {
    const [schemaDomains] = MODULE_LISTS;
    const present = currentText(schemaDomains!);
    const reordered = present.replace("import './users/types.js';\n", '') + "import './users/types.js';\n";
    const expected = expectedText(schemaDomains!, reordered);
    expect(expected.trimEnd().split('\n').at(-1)).toBe("import './users/types.js';");
    // A module that no longer exists is dropped; one that is not listed yet is appended.
    const withoutEvents = present.replace("import './events/types.js';\n", '').replace("import './users/types.js';", "import './users/gone.js';\nimport './users/types.js';");
    const renewed = expectedText(schemaDomains!, withoutEvents);
    expect(renewed).not.toContain('./users/gone.js');
    expect(renewed.trimEnd().split('\n').at(-1)).toBe("import './events/types.js';");
  });

  it('seeds the emulator in the listed order: files first, the resources that draw from them after', () => {
    expect(EMULATOR_RESOURCES.every((resource) => resource.routes.length > 0)).toBe(true);
    expect(currentText(MODULE_LISTS[1]!).match(/from '\.\/[\w-]+\.js'/g)?.slice(0, 3)).toEqual([
      "from './files.js'",
      "from './machines.js'",
      "from './machine-files.js'",
    ]);
  });
});
