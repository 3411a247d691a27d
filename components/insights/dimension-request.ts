// "Reply rate by lead source, one click away": a view that sends the user to the Dashboard asks
// for the trait "Who replies" should open on. The Dashboard takes the request when it mounts
// (the panel mounts the view of the tab it shows).
import type { Dimension } from '@/lib/analytics/rates';

let pending: Dimension | null = null;

export function requestDimension(d: Dimension): void {
  pending = d;
}

export function takeRequestedDimension(): Dimension | null {
  const d = pending;
  pending = null;
  return d;
}
