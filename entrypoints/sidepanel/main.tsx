import { createRoot } from 'react-dom/client';
import { sendMessage } from '@/lib/messaging';
import { App } from './App';
import './style.css';

// Captures that closed tabs left undelivered are taken in now, so the numbers include them.
void sendMessage('drainOutboxes', undefined).catch(() => undefined);
createRoot(document.getElementById('root')!).render(<App />);
