// A rate as a bar with its 95% Wilson interval drawn as a whisker, and its n in words.
import type { Rate } from '@/lib/analytics/stats';
import { ciText, rateText } from './format';

export function RateBar({ rate, max = 1 }: { rate: Rate; max?: number }) {
  const scale = (x: number) => `${Math.min(100, (x / max) * 100)}%`;
  return (
    <span className="rate-bar" title={`${rateText(rate)}; ${ciText(rate)}`} aria-hidden>
      {rate.n > 0 && (
        <>
          <span className="rate-bar-fill" style={{ width: scale(rate.rate ?? 0) }} />
          <span
            className="rate-bar-whisker"
            style={{ left: scale(rate.lo), width: `calc(${scale(rate.hi)} - ${scale(rate.lo)})` }}
          />
        </>
      )}
    </span>
  );
}
