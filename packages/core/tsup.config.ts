import { defineConfig } from 'tsup';
import { sharedTsupConfig } from '../../tsup.shared';

// `internal` is the unstable subpath our own packages share helpers through.
export default defineConfig(
  sharedTsupConfig({ entry: { index: 'src/index.ts', 'internal/index': 'src/internal/index.ts' } }),
);
