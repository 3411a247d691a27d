export function TemplatesView() {
  return <section aria-label="Templates"><h2>Templates</h2></section>;
}
