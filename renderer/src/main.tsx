import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureSessionToken } from './api/session-token';
import { prefetchFirstScreen, Root } from './app';
// antd's component styles, built ahead (the theme runs with zeroRuntime: no styles generated while rendering).
import 'antd/dist/antd.css';
import './styles.css';

// The token fragment is read and removed before the hash router looks at the location.
captureSessionToken();
if (!window.location.hash) window.history.replaceState(null, '', '#/dashboard');
prefetchFirstScreen();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
