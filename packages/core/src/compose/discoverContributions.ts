import { defaultPaths, loadModule, resolveFromApp } from '../registry/appModules.js';
import { KNOWN_MONITOR_PACKAGES } from './knownParts.js';
import {
  MONITOR_PART_ORDER,
  type MonitorContribution,
  type MonitorPartName,
} from './monitorContribution.js';

/** One part discovery looked for. */
export interface DiscoveredPart {
  readonly part: MonitorPartName;
  readonly packageName: string;
  /** Installed and loaded, with a `monitorContribution` export. */
  readonly found: boolean;
  /** Why it could not be used, when installed but broken. */
  readonly error?: unknown;
  readonly contribution?: MonitorContribution;
}

/**
 * Look for each known part's package where the application resolves its dependencies and load
 * its `monitorContribution`. A package that is installed but fails to load is reported, not
 * thrown. Parts given in `provided` are taken as they are (no lookup).
 */
export async function discoverContributions(
  paths: readonly string[] = defaultPaths(),
  provided: readonly MonitorContribution[] = [],
): Promise<DiscoveredPart[]> {
  const out: DiscoveredPart[] = [];
  for (const part of MONITOR_PART_ORDER) {
    const packageName = KNOWN_MONITOR_PACKAGES[part];
    const given = provided.find((c) => c.part === part);
    if (given) {
      out.push({ part, packageName, found: true, contribution: given });
      continue;
    }
    const resolved = resolveFromApp(packageName, paths);
    if (!resolved) {
      out.push({ part, packageName, found: false });
      continue;
    }
    try {
      const mod = (await loadModule(resolved)) as {
        monitorContribution?: MonitorContribution;
        default?: { monitorContribution?: MonitorContribution };
      };
      const contribution = mod.monitorContribution ?? mod.default?.monitorContribution;
      if (!contribution || typeof contribution.setup !== 'function') {
        throw new TypeError(`${packageName} does not export "monitorContribution"`);
      }
      out.push({ part, packageName, found: true, contribution });
    } catch (error) {
      out.push({ part, packageName, found: false, error });
    }
  }
  return out;
}
