export function Loading({ label, block = false }: { label: string; block?: boolean }) {
  return (
    <div className={block ? 'loading loading--block' : 'loading'} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
