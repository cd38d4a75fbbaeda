import { Flex, Skeleton, Typography } from 'antd';
import { useAreaNode } from '../hooks/useAreas';
import { AreaLevelTag } from './AreaLevelTag';
import { AreaSearchBox } from './AreaSearchBox';

export type AreaBarProps = {
  code: string | undefined;
  onChange: (code: string) => void;
  /** The page's own words for "the place" and "choose a place". */
  labels: { current: string; choose: string };
  /** Prefix of the bar's test ids: `<testId>-bar`, `<testId>-name`. */
  testId: string;
};

/** The place a page is about, and a search box to change it (within the caller's scope). */
export function AreaBar({ code, onChange, labels, testId }: AreaBarProps) {
  const node = useAreaNode(code);
  return (
    <Flex align="center" gap={12} wrap data-testid={`${testId}-bar`}>
      <Typography.Text type="secondary">{labels.current}</Typography.Text>
      {node.data ? (
        <Flex align="center" gap={6}>
          <Typography.Text strong data-testid={`${testId}-name`}>
            {node.data.name}
          </Typography.Text>
          <AreaLevelTag level={node.data.level} />
        </Flex>
      ) : (
        <Skeleton.Input active size="small" />
      )}
      <div style={{ flex: '1 1 260px', maxWidth: 360 }} title={labels.choose}>
        <AreaSearchBox onSelect={onChange} />
      </div>
    </Flex>
  );
}
