export function DashboardView() {
  return <section aria-label="Dashboard"><h2>Dashboard</h2></section>;
}
