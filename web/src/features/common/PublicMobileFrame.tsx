import { Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { PhoneColumn, PhoneLanguageButton, useDocumentTitle } from './PhonePage';

/** A card of a public phone page: inset from the edges, rounded. */
export const publicSection = { margin: '12px 12px 0', borderRadius: 12 } as const;

export type PublicMobileFrameProps = {
  testId: string;
  /** The browser tab's title (and a shared link's), once known. */
  documentTitle?: string;
  /** The legal basis of what the page shows, in small print under it. */
  basis?: string;
  children: ReactNode;
};

/**
 * The frame of the pages anyone may open on a phone without signing in (a grid's page, a compound's
 * page, an owners' vote): a phone-wide column, the legal basis, and the 中文 / English switch.
 */
export function PublicMobileFrame({ testId, documentTitle, basis, children }: PublicMobileFrameProps) {
  useDocumentTitle(documentTitle);
  return (
    <PhoneColumn testId={testId}>
      {children}
      {basis ? (
        <p style={{ margin: '16px 16px 0', color: '#999', fontSize: 12, lineHeight: 1.6 }}>{basis}</p>
      ) : null}
      <PhoneLanguageButton />
    </PhoneColumn>
  );
}

export type PublicHeaderProps = {
  kicker: string;
  title: string;
  subtitle?: string | null;
  titleTestId?: string;
  /** Blue for the city's pages, red for the owners' committee's. */
  color?: string;
};

/** The blue band at the top of a public page: what kind of page, its name, where it is. */
export function PublicHeader({ kicker, title, subtitle, titleTestId, color = '#1677ff' }: PublicHeaderProps) {
  return (
    <header style={{ padding: '20px 16px 10px', background: color, color: '#fff' }}>
      <div style={{ fontSize: 13, opacity: 0.85 }}>{kicker}</div>
      <h1 style={{ margin: '4px 0', fontSize: 24, lineHeight: 1.3 }} data-testid={titleTestId}>
        {title}
      </h1>
      {subtitle ? <div style={{ fontSize: 14, opacity: 0.9 }}>{subtitle}</div> : null}
    </header>
  );
}

/** A public page while its record loads. */
export function PublicLoading() {
  return (
    <div style={{ padding: 16 }}>
      <Skeleton.Title animated />
      <Skeleton.Paragraph lineCount={6} animated />
    </div>
  );
}
