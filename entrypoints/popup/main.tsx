import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/insights/Popup';
import { readPopupCache } from '@/lib/insights/popup-cache';
import '../sidepanel/style.css';

// The kept numbers (a few ms to read) are there for the first frame.
void readPopupCache(Date.now()).then((cached) =>
  createRoot(document.getElementById('root')!).render(<Popup cached={cached} />),
);
