// The one-line definition shown under each number (and as its tooltip): what is counted, over what.
export function Info({ children }: { children: React.ReactNode }) {
  return <p className="info small muted">{children}</p>;
}
