// "On the Gmail tab: Ana Ruiz [Open]": the person the site tab shows (components/insights/page-prospect.ts).
import type { PageProspect } from './page-prospect';
import { channelLabel } from './format';

export function OnPageNotice({ onPage, onOpen }: { onPage: PageProspect; onOpen: () => void }) {
  return (
    <p className="notice small on-page">
      On the {channelLabel(onPage.site)} tab: <strong>{onPage.prospect.name || onPage.prospect.emails[0]}</strong>{' '}
      <button className="small" onClick={onOpen}>
        Open
      </button>
    </p>
  );
}
