import { Breadcrumb } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useScopeRoots } from '../hooks/useAreas';
import { openableCodes } from '../scope';

export type AreaBreadcrumbsProps = {
  /** From the city down to the current place, the current place last. */
  trail: readonly { code: string; name: string }[];
  /** Where an entry leads (`/areas/map?code=…`). */
  hrefFor: (code: string) => string;
  testId?: string;
};

/** 滨州市 › 滨城区 › 市中街道: each entry above the current one is a link, if it lies within the caller's scope. */
export function AreaBreadcrumbs({ trail, hrefFor, testId }: AreaBreadcrumbsProps) {
  const roots = useScopeRoots();
  const rootCodes = useMemo(
    () => (roots.data ? new Set(roots.data.roots.map((root) => root.code)) : undefined),
    [roots.data],
  );
  const openable = openableCodes(trail, rootCodes);
  const items = trail.map((entry, index) => {
    const isCurrent = index === trail.length - 1;
    return {
      key: entry.code,
      title:
        isCurrent || !openable.has(entry.code) ? (
          entry.name
        ) : (
          <Link to={hrefFor(entry.code)} data-testid={`area-crumb-${entry.code}`}>
            {entry.name}
          </Link>
        ),
    };
  });
  return <Breadcrumb items={items} data-testid={testId} />;
}
