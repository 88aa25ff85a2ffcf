import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LOCALE } from './catalog';
import { PortalApp } from './PortalApp';
import './portal.css';

document.documentElement.lang = LOCALE;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PortalApp />
    </StrictMode>,
  );
}
