import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isReloading } from './api';
import { App } from './App';
import './fonts.css';
import './styles.css';

if (!isReloading)
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
