// The first screen's requests, sent while the app's code is still loading: its own small script
// (index.html, injected by vite.config.ts), so the server answers while the browser compiles React
// and antd instead of after. The app's first `invoke` of each method takes the answer (api/client.ts).
// Keep this file's imports free of React and antd, or they would load before it runs.
import { askEarly } from './api/client';
import { captureSessionToken } from './api/session-token';
import { parseRoute } from './routing';

// The token is read (and taken out of the address) before anything is asked; main.tsx imports this file first.
captureSessionToken();
if (!window.location.hash) window.history.replaceState(null, '', '#/dashboard');
askEarly('settings.get', {});
if (parseRoute(window.location.hash).page === 'dashboard') askEarly('dashboard.get', {});
