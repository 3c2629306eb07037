// The first screen's requests (its own small entry, loaded ahead by index.html): imported here too, so that the
// build puts the code both need (the token, the API client, the routes) in that entry's chunk, which then
// needs no second file before it can ask. It runs once either way, first: it reads the session token from the
// address and opens on the dashboard when the address names no screen, before the hash router looks.
import './early-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFirstScreen, Root } from './app';
// The app's own styles; antd's stylesheet comes with antd's scope (antd-scope.tsx), behind the first screen.
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
// The first render waits for the first screen's data, but never long: a slow answer is then shown
// arriving, as on any other screen.
const FIRST_RENDER_WAIT_MS = 400;
void Promise.race([prefetchFirstScreen(), new Promise((done) => setTimeout(done, FIRST_RENDER_WAIT_MS))]).then(render);
