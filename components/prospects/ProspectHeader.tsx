// The top of a prospect's page: name, headline, addresses, channels, company traits.
import type { Prospect, Thread } from '@/lib/schema/model';
import { channelLabel } from '@/components/insights/format';

export function ProspectHeader({ p, channels }: { p: Prospect; channels: readonly Thread['channel'][] }) {
  return (
    <div className="phead">
      <h2 data-testid="prospect-name">{p.name || p.emails[0] || 'Unnamed'}</h2>
      <p className="small muted">
        {[p.headline ?? [p.title, p.company].filter(Boolean).join(' at '), ...p.emails, p.linkedinUrl]
          .filter(Boolean)
          .join(' · ')}
        {channels.length > 0 && ` · on ${channels.map(channelLabel).join(' and ')}`}
      </p>
      {(p.industry || p.companySize || p.companyHq) && (
        <p className="small muted" data-testid="company-traits">
          {[p.company, p.industry, p.companySize && `${p.companySize} employees`, p.companyHq && `HQ ${p.companyHq}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
    </div>
  );
}
