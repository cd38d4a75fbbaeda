import { Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';

export type PageSuspenseProps = { children: ReactNode };

/** A lazily loaded page with a centred spinner while its code arrives: one for every feature. */
export function PageSuspense({ children }: PageSuspenseProps) {
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
