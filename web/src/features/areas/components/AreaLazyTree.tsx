import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Skeleton, Tree, type TreeDataNode, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AreaSummary, type AreaTreeNode, areaKeys, fetchAreaChildren } from '../api';
import { useScopeRoots } from '../hooks/useAreas';
import { AreaLevelTag } from './AreaLevelTag';
import { AreaLoadError } from './AreaLoadError';

export type AreaLazyTreeProps = {
  selectedCode: string | undefined;
  /** Codes from a scope root down to the selected place: these are loaded and expanded. */
  revealPath: readonly string[];
  onSelect: (code: string) => void;
};

type LoadedChildren = { items: AreaSummary[]; nextCursor: string | null };

const MORE_PREFIX = 'more:';
const PAGE_SIZE = 100;

/** The tree nodes the endpoint already sent (depth > 1), so that they are not asked for again. */
function collectPreloaded(nodes: readonly AreaTreeNode[], into: Record<string, LoadedChildren>): void {
  for (const node of nodes) {
    if (node.children) {
      into[node.code] = { items: node.children, nextCursor: null };
      collectPreloaded(node.children, into);
    }
  }
}

/**
 * The area tree from the caller's scope roots down, each level loaded when it is opened and a
 * "load more" entry where a level has more children than one page.
 */
export function AreaLazyTree({ selectedCode, revealPath, onSelect }: AreaLazyTreeProps) {
  const { t } = useTranslation('areas');
  const queryClient = useQueryClient();
  const roots = useScopeRoots();
  const [loaded, setLoaded] = useState<Record<string, LoadedChildren>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);

  useEffect(() => {
    if (!roots.data) return;
    const preloaded: Record<string, LoadedChildren> = {};
    collectPreloaded(roots.data.roots, preloaded);
    setLoaded((current) => ({ ...preloaded, ...current }));
    // The scope roots start open: an official's own street or city is where they begin.
    const rootCodes = roots.data.roots.filter((root) => root.hasChildren).map((root) => root.code);
    setExpandedKeys((current) => (current.length > 0 ? current : rootCodes));
  }, [roots.data]);

  const fetchPage = useCallback(
    (code: string, after: string | null) =>
      queryClient.fetchQuery({
        queryKey: areaKeys.children(code, after),
        queryFn: ({ signal }) => fetchAreaChildren({ code, after, limit: PAGE_SIZE, signal }),
      }),
    [queryClient],
  );

  const loadChildren = useCallback(
    async (code: string) => {
      const page = await fetchPage(code, null);
      setLoaded((current) => (current[code] ? current : { ...current, [code]: page }));
    },
    [fetchPage],
  );

  const loadMore = useCallback(
    async (code: string) => {
      const cursor = loaded[code]?.nextCursor;
      if (!cursor) return;
      setLoadingMore(code);
      try {
        const page = await fetchPage(code, cursor);
        setLoaded((current) => {
          const previous = current[code];
          const items = [...(previous?.items ?? []), ...page.items];
          return { ...current, [code]: { items, nextCursor: page.nextCursor } };
        });
      } finally {
        setLoadingMore(null);
      }
    },
    [loaded, fetchPage],
  );

  // Opening a place from a deep link or the search box: load and open each level above it.
  // Joined, so that a new array with the same codes does not start over.
  const revealKey = revealPath.join('/');
  useEffect(() => {
    const path = revealKey ? revealKey.split('/') : [];
    if (!roots.data || path.length < 2) return;
    const rootCodes = new Set(roots.data.roots.map((root) => root.code));
    const start = path.findIndex((code) => rootCodes.has(code));
    if (start < 0) return;
    const toOpen = path.slice(start, -1);
    let cancelled = false;
    void (async () => {
      for (const code of toOpen) {
        try {
          await loadChildren(code);
        } catch {
          return;
        }
        if (cancelled) return;
      }
      setExpandedKeys((current) => [...new Set([...current, ...toOpen])]);
    })();
    return () => {
      cancelled = true;
    };
  }, [revealKey, roots.data, loadChildren]);

  const treeData = useMemo(() => {
    const toNode = (area: AreaSummary): TreeDataNode => {
      const children = loaded[area.code];
      const nodes = children?.items.map(toNode);
      if (children?.nextCursor) {
        nodes?.push({
          key: `${MORE_PREFIX}${area.code}`,
          isLeaf: true,
          selectable: false,
          title: (
            <Button
              type="link"
              size="small"
              loading={loadingMore === area.code}
              onClick={(event) => {
                event.stopPropagation();
                void loadMore(area.code);
              }}
              data-testid={`area-tree-more-${area.code}`}
            >
              {t('tree.loadMore')}
            </Button>
          ),
        });
      }
      return {
        key: area.code,
        isLeaf: !area.hasChildren,
        children: nodes,
        title: (
          <Flex component="span" align="center" gap={4} data-testid={`area-tree-${area.code}`}>
            <Typography.Text delete={area.status === 'retired'}>{area.name}</Typography.Text>
            <AreaLevelTag level={area.level} />
          </Flex>
        ),
      };
    };
    return (roots.data?.roots ?? []).map(toNode);
  }, [roots.data, loaded, loadingMore, loadMore, t]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (roots.isError) return <AreaLoadError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (treeData.length === 0) return <Empty description={t('tree.empty')} />;

  return (
    <Tree
      blockNode
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => setExpandedKeys(keys.map(String))}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (typeof key === 'string' && !key.startsWith(MORE_PREFIX)) onSelect(key);
      }}
      loadData={async (node) => {
        const key = String(node.key);
        if (key.startsWith(MORE_PREFIX) || loaded[key]) return;
        await loadChildren(key);
      }}
      data-testid="area-tree"
    />
  );
}
