import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/insights/Popup';
import '../sidepanel/style.css';

createRoot(document.getElementById('root')!).render(<Popup />);
