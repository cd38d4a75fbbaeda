import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { type AreaSummary, areaKeys, fetchAreaChildren, fetchAreaTree } from '../../../areas/api';

export type AreaTreePickerProps = {
  value?: string | undefined;
  onChange?: (code: string | undefined, area: AreaSummary | undefined) => void;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
};

type Node = { id: string; pId: string | null; value: string; title: ReactNode; isLeaf: boolean };

/** Levels a demand is placed at: from the caller's scope roots down to the compound. */
const LAST_LEVEL = 'compound';

/**
 * A place from the caller's scope roots down to the compound, each level loaded when opened
 * (the areas tree and children endpoints). Options carry `data-testid="demand-area-option-<code>"`.
 */
export function AreaTreePicker({ value, onChange, placeholder, testId, style }: AreaTreePickerProps) {
  const client = useQueryClient();
  const roots = useQuery({
    queryKey: areaKeys.tree(undefined, 1),
    queryFn: ({ signal }) => fetchAreaTree({ depth: 1, signal }),
    staleTime: 5 * 60_000,
  });
  const [loaded, setLoaded] = useState<Record<string, AreaSummary[]>>({});
  const byCode = useMemo(() => {
    const map = new Map<string, AreaSummary>();
    for (const root of roots.data?.roots ?? []) map.set(root.code, root);
    for (const children of Object.values(loaded)) for (const child of children) map.set(child.code, child);
    return map;
  }, [roots.data, loaded]);

  const treeData = useMemo(
    () =>
      [...byCode.values()].map(
        (area): Node => ({
          id: area.code,
          pId: area.parentCode,
          value: area.code,
          title: <span data-testid={`demand-area-option-${area.code}`}>{area.name}</span>,
          isLeaf: !area.hasChildren || area.level === LAST_LEVEL,
        }),
      ),
    [byCode],
  );

  return (
    <TreeSelect
      treeDataSimpleMode
      treeData={treeData}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined, code ? byCode.get(code) : undefined)}
      allowClear
      loading={roots.isPending}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320, maxHeight: 420, overflow: 'auto' } } }}
      style={{ minWidth: 220, ...style }}
      loadData={async (node) => {
        const code = String(node.value);
        if (loaded[code]) return;
        const page = await client.fetchQuery({
          queryKey: ['demands', 'area-children', code],
          queryFn: ({ signal }) => fetchAreaChildren({ code, limit: 500, signal }),
        });
        setLoaded((current) => ({ ...current, [code]: page.items }));
      }}
      data-testid={testId}
    />
  );
}
