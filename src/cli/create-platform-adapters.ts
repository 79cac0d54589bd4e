import type { ConfigFile } from '../config/config-file-schema.ts';
import type { DoctorCheck } from '../config/doctor-finding.ts';
import type { Env } from '../config/env-schema.ts';
import type { AppConfig } from '../config/load-config.ts';
import type { AdapterContext, PlatformAdapter } from '../main.ts';

export type AdapterFactory = (context: AdapterContext) => Promise<PlatformAdapter | null>;

/** The platform adapters whose environment group is filled in; an empty group leaves one off. */
export function createPlatformAdapters(_config: AppConfig): AdapterFactory[] {
  return [];
}

/** `doctor` checks of the platforms whose environment group is filled in. */
export function createPlatformDoctorChecks(_env: Env, _file: ConfigFile): DoctorCheck[] {
  return [];
}
