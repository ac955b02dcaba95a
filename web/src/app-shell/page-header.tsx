import type { ReactNode } from 'react';

/** A page's title line with its main actions on the right. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="fc-page-title">
      <h1>{title}</h1>
      {extra && <div>{extra}</div>}
    </div>
  );
}
