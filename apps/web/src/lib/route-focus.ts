/**
 * Whether the app has navigated since the document loaded. A page's heading takes focus only after an
 * in-app navigation: on a fresh load or a reload the browser's own starting point stays, so the first
 * Tab reaches the skip link as people expect.
 */
let navigated = false;

export function markNavigated(): void {
  navigated = true;
}

export function hasNavigated(): boolean {
  return navigated;
}
