export function ProspectsView() {
  return <section aria-label="Prospects"><h2>Prospects</h2></section>;
}
