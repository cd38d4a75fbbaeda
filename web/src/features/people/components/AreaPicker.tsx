import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { type AreaOption, fetchAreaChildren, fetchAreaRoots, peopleKeys } from '../api';

export type AreaPickerProps = {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  /** Only households can be chosen (the form); otherwise any place (the list filter). */
  householdOnly?: boolean;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
};

type Node = {
  id: string;
  pId: string | null;
  value: string;
  title: React.ReactNode;
  isLeaf: boolean;
  selectable: boolean;
};

/**
 * A place from the caller's scope roots down, each level loaded when it is opened (the areas tree
 * and children endpoints), so that a city of 600 000 households is never sent at once.
 */
export function AreaPicker({
  value,
  onChange,
  householdOnly,
  placeholder,
  disabled,
  testId,
}: AreaPickerProps) {
  const queryClient = useQueryClient();
  const roots = useQuery({
    queryKey: peopleKeys.areaRoots,
    queryFn: ({ signal }) => fetchAreaRoots(signal),
    staleTime: 5 * 60_000,
  });
  const [loaded, setLoaded] = useState<Record<string, AreaOption[]>>({});

  const treeData = useMemo(() => {
    const toNode = (area: AreaOption): Node => ({
      id: area.code,
      pId: area.parentCode,
      value: area.code,
      title: <span data-testid={`area-option-${area.code}`}>{area.name}</span>,
      isLeaf: !area.hasChildren,
      selectable: !householdOnly || area.level === 'household',
    });
    const nodes = (roots.data?.roots ?? []).map(toNode);
    for (const children of Object.values(loaded)) nodes.push(...children.map(toNode));
    return nodes;
  }, [roots.data, loaded, householdOnly]);

  return (
    <TreeSelect
      treeDataSimpleMode
      treeData={treeData}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      allowClear
      disabled={disabled}
      loading={roots.isPending}
      placeholder={placeholder}
      treeExpandAction="click"
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320, maxHeight: 420, overflow: 'auto' } } }}
      style={{ minWidth: 240 }}
      loadData={async (node) => {
        const code = String(node.value);
        if (loaded[code]) return;
        const page = await queryClient.fetchQuery({
          queryKey: peopleKeys.areaChildren(code),
          queryFn: ({ signal }) => fetchAreaChildren(code, signal),
        });
        setLoaded((current) => ({ ...current, [code]: page.items }));
      }}
      data-testid={testId}
    />
  );
}
