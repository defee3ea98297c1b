import { defineConfig } from 'tsup';
import { sharedTsupConfig } from '../../tsup.shared';

// One entry per adapter subpath, so importing one framework's adapter never loads another's code.
export default defineConfig(
  sharedTsupConfig({
    entry: {
      index: 'src/index.ts',
      'express/index': 'src/express/index.ts',
      'fastify/index': 'src/fastify/index.ts',
      'koa/index': 'src/koa/index.ts',
      'hono/index': 'src/hono/index.ts',
    },
  }),
);
