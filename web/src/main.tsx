import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app-shell/app';
import { applyLanguage, currentLanguage } from './i18n/i18n';
import './styles.css';

void applyLanguage(currentLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
