import { defineConfig } from 'tsup';
import { sharedTsupConfig } from '../../tsup.shared';

export default defineConfig(sharedTsupConfig());
