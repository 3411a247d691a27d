import { createRoot } from 'react-dom/client';
import { forgetPopupCacheOnChanges } from '@/lib/insights/forget-popup-cache';
import { sendMessage } from '@/lib/messaging';
import { App } from './App';
import './style.css';

// Edits, imports and settings changes made here drop the popup's kept numbers.
forgetPopupCacheOnChanges();
// Captures that closed tabs left undelivered are taken in now, so the numbers include them.
void sendMessage('drainOutboxes', undefined).catch(() => undefined);
createRoot(document.getElementById('root')!).render(<App />);
