import { defineConfig } from 'tsup';
import { sharedTsupConfig } from '../../tsup.shared';

// Shims give both builds `__dirname`, which locates the bundled page assets next to `dist/`.
export default defineConfig(sharedTsupConfig({ shims: true }));
