export function SettingsView() {
  return <section aria-label="Settings"><h2>Settings</h2></section>;
}
