import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A published package and the version the app must get. */
export interface Release {
  readonly name: string;
  readonly version: string;
}

/** What `esm.mjs` and `cjs.cjs` print: per package, what its entry reports. */
export type Reported = Record<string, { name: unknown; version: unknown; exportCount: number }>;

/**
 * Writes a fresh application in `dir` that depends on exactly `releases` (plus `@types/node`,
 * as a TypeScript user has), with four entry points: `esm.mjs` imports and `cjs.cjs` requires
 * every package and print what each reports; `types.mts` (ESM) and `types.cts` (CommonJS) are
 * type-checked under `module: nodenext`.
 */
export function writeConsumerApp(
  dir: string,
  releases: readonly Release[],
  typesNode: string,
): void {
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries(releases.map((r) => [r.name, r.version]));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'release-test-consumer',
        version: '1.0.0',
        private: true,
        dependencies,
        devDependencies: { '@types/node': typesNode },
      },
      null,
      2,
    )}\n`,
  );

  const report = (v: string) =>
    `{ name: ${v}.PACKAGE_NAME, version: ${v}.PACKAGE_VERSION, exportCount: Object.keys(${v}).length }`;
  writeFileSync(
    join(dir, 'esm.mjs'),
    [
      ...releases.map((r, i) => `import * as m${i} from '${r.name}';`),
      'const reported = {',
      ...releases.map((r, i) => `  '${r.name}': ${report(`m${i}`)},`),
      '};',
      'console.log(JSON.stringify(reported));',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'cjs.cjs'),
    [
      "'use strict';",
      ...releases.map((r, i) => `const m${i} = require('${r.name}');`),
      'const reported = {',
      ...releases.map((r, i) => `  '${r.name}': ${report(`m${i}`)},`),
      '};',
      'console.log(JSON.stringify(reported));',
      '',
    ].join('\n'),
  );

  // `@ts-expect-error` fails the check if a package's types were missing (everything `any`).
  const typed = (v: string, i: number) => [
    `const name${i}: string = ${v}.PACKAGE_NAME;`,
    `const version${i}: string = ${v}.PACKAGE_VERSION;`,
    '// @ts-expect-error PACKAGE_VERSION is a string',
    `const wrong${i}: number = ${v}.PACKAGE_VERSION;`,
    `export { name${i}, version${i}, wrong${i} };`,
  ];
  writeFileSync(
    join(dir, 'types.mts'),
    [
      ...releases.map((r, i) => `import * as m${i} from '${r.name}';`),
      ...releases.flatMap((_r, i) => typed(`m${i}`, i)),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'types.cts'),
    [
      ...releases.map((r, i) => `import m${i} = require('${r.name}');`),
      ...releases.flatMap((_r, i) => typed(`m${i}`, i)),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: ['node'],
          // Our declarations are checked by attw; this keeps types of optional peers a package
          // mentions (frameworks, databases) from being required in an app that does not use them.
          skipLibCheck: true,
        },
        files: ['types.mts', 'types.cts'],
      },
      null,
      2,
    )}\n`,
  );
}
