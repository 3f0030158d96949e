/** Who makes a correction: the name given (--by, the API's `by`), else WALKBACK_USER, else the OS user. */
import { userInfo } from 'node:os';

export function whoFrom(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const name = given?.trim() || env.WALKBACK_USER?.trim();
  if (name) return name.slice(0, 200);
  try {
    return userInfo().username || 'unknown';
  } catch {
    // No user entry for this uid (a container): still a correction, by someone unnamed.
    return 'unknown';
  }
}
