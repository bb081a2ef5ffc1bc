export { type App, type BuildAppOptions, buildApp } from './app.js';
export { openConfiguredDatabase } from './boot.js';
export { SESSION_COOKIE } from './plugins/auth.js';
export { main, type RunningServer, startServer } from './server.js';
