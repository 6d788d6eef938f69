import type { Session } from 'electron';

/** A cashier's screen needs no camera, microphone, notifications or location: refuse them all. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
