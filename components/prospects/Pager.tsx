// "← Previous · Page n of m · Next →" under the list.
export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (page: number) => void }) {
  return (
    <div className="pager">
      <button disabled={page === 0} onClick={() => setPage(page - 1)}>
        ← Previous
      </button>
      <span className="small muted">
        Page {page + 1} of {pages}
      </span>
      <button disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
        Next →
      </button>
    </div>
  );
}
