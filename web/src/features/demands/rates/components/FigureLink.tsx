import { Typography } from 'antd';
import type { ReactNode } from 'react';

export type FigureLinkProps = {
  children: ReactNode;
  onOpen: () => void;
  testId: string;
  /** Nothing to open (a zero): plain text. */
  disabled?: boolean;
};

/** A number on the rates page that opens the demands behind it. */
export function FigureLink({ children, onOpen, testId, disabled }: FigureLinkProps) {
  if (disabled)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {children}
      </Typography.Text>
    );
  return (
    <Typography.Link
      data-testid={testId}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {children}
    </Typography.Link>
  );
}
