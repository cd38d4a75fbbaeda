import { Alert, Empty, Flex, Skeleton, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyOrgTreeNode } from '../api';
import { useOrgTree } from '../hooks/useParty';
import { OrgKindTag } from './OrgKindTag';
import { PartyLoadError } from './PartyLoadError';

export type PartyOrgTreeProps = {
  root: string | undefined;
  levels: number;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

function toTreeData(nodes: readonly PartyOrgTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <Flex align="center" gap={6} data-testid={`party-org-node-${node.id}`} data-kind={node.kind}>
        <OrgKindTag kind={node.kind} dissolved={node.status === 'dissolved'} />
        <Typography.Text delete={node.status === 'dissolved'}>{node.name}</Typography.Text>
        {node.areaName ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {node.areaName}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
    children: node.children.length ? toTreeData(node.children) : undefined,
    isLeaf: node.children.length === 0,
  }));
}

/** The chain of a place as a tree: community organisations, their grid branches, building groups, central households. */
export function PartyOrgTree({ root, levels, selectedId, onSelect }: PartyOrgTreeProps) {
  const { t } = useTranslation('party');
  const tree = useOrgTree(root, levels, Boolean(root));
  const data = useMemo(() => (tree.data ? toTreeData(tree.data.roots) : []), [tree.data]);
  // Open the top two levels: a street official sees every community and its grid branches at once.
  const expanded = useMemo(() => (tree.data ? tree.data.roots.map((r) => r.id) : []), [tree.data]);

  if (!root || tree.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (tree.isError) return <PartyLoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  if (data.length === 0) return <Empty description={t('tree.empty')} data-testid="party-tree-empty" />;
  return (
    <div data-testid="party-org-tree">
      {tree.data?.truncated ? <Alert type="warning" showIcon title={t('tree.truncated')} /> : null}
      <Tree
        key={root}
        treeData={data}
        defaultExpandedKeys={expanded}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const key = keys[0];
          if (typeof key === 'string') onSelect(key);
        }}
        blockNode
        showLine
      />
    </div>
  );
}
