// `npm run codegen` writes the lists of modules nothing else names (it runs this first): the
// schema's domain modules (src/schema/domains.ts) and the emulator's resources
// (src/emulator/resources/index.ts), so a new domain or resource needs no line in a central
// list. A list keeps the order it has: a new module is appended (in name order), a removed one
// dropped. For the emulator that order is the seeding order, so the records seeded before a new
// resource keep theirs. test/modules.test.ts fails when a list is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('..', import.meta.url));

export interface ModuleList {
  /** The generated file, relative to src/. */
  readonly file: string;
  /** The modules it lists, as import paths relative to it (`./users/types.js`), in name order. */
  found(): string[];
  render(modules: readonly string[]): string;
}

/** Every module of a domain folder of src/schema/ (each subfolder but relay/, the pure relay algorithms). */
const schemaDomains: ModuleList = {
  file: 'schema/domains.ts',
  found: () =>
    readdirSync(join(SRC, 'schema'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'relay')
      .flatMap((folder) => typeScriptFiles(join(SRC, 'schema', folder.name)).map((file) => `./${folder.name}/${file}`))
      .sort(),
  render: (modules) =>
    [
      '// Written by `npm run codegen` (src/codegen/modules.ts): every module of a domain folder of',
      '// src/schema/ (each subfolder but relay/), imported for the types and fields it adds to the',
      '// builder. Keeps its order; a new module is appended. test/modules.test.ts fails when stale.',
      ...modules.map((module) => `import '${module}';`),
      '',
    ].join('\n'),
};

/** Every file of src/emulator/resources/ that default-exports an emulatorResource. */
const emulatorResources: ModuleList = {
  file: 'emulator/resources/index.ts',
  found: () =>
    typeScriptFiles(join(SRC, 'emulator', 'resources'))
      .filter((file) => /^export default emulatorResource\(/m.test(readFileSync(join(SRC, 'emulator', 'resources', file.replace(/\.js$/, '.ts')), 'utf8')))
      .map((file) => `./${file}`)
      .sort(),
  render: (modules) => {
    const names = modules.map((module) => `${camelCase(module.slice(2, -3))}Resource`);
    return [
      '// Written by `npm run codegen` (src/codegen/modules.ts): every file of this folder that',
      '// default-exports an emulatorResource, in the order they seed. A new one is appended, so the',
      '// records seeded before it keep theirs; test/modules.test.ts fails when this list is stale.',
      ...modules.map((module, index) => `import ${names[index]} from '${module}';`),
      "import type { EmulatorResource } from './resource.js';",
      '',
      `export const EMULATOR_RESOURCES: readonly EmulatorResource[] = [${names.join(', ')}];`,
      '',
    ].join('\n');
  },
};

export const MODULE_LISTS: readonly ModuleList[] = [schemaDomains, emulatorResources];

/** The `.ts` files of a folder (not tests), as the `.js` paths imports name them. */
function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => name.replace(/\.ts$/, '.js'));
}

function camelCase(name: string): string {
  return name.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());
}

/** The modules a generated file lists now, in its order. */
function listed(text: string): string[] {
  return [...text.matchAll(/^import (?:\w+ from )?'(\.\/[^']+)';$/gm)].map((match) => match[1]!).filter((module) => module !== './resource.js');
}

/** What the list's file should hold: its modules in their present order, new ones appended. */
export function expectedText(list: ModuleList, present: string): string {
  const found = list.found();
  const kept = listed(present).filter((module) => found.includes(module));
  return list.render([...kept, ...found.filter((module) => !kept.includes(module))]);
}

export function currentText(list: ModuleList): string {
  try {
    return readFileSync(join(SRC, list.file), 'utf8');
  } catch {
    return '';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const list of MODULE_LISTS) {
    const present = currentText(list);
    const expected = expectedText(list, present);
    if (expected !== present) writeFileSync(join(SRC, list.file), expected);
  }
}
