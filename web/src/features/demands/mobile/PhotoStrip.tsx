import { Image, ImageViewer, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../api';

export type PhotoStripProps = { photos: readonly Attachment[]; size?: number; testId?: string };

/** Thumbnails that open full-screen when tapped. */
export function PhotoStrip({ photos, size = 72, testId }: PhotoStripProps) {
  const { t } = useTranslation('demandsMobile');
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <Space wrap style={{ '--gap': '6px' }} data-testid={testId}>
      {photos.map((photo, index) => (
        <Image
          key={photo.sha256}
          src={photo.url}
          width={size}
          height={size}
          fit="cover"
          alt={t('detail.photoAlt', { n: index + 1 })}
          style={{ borderRadius: 6 }}
          onClick={(event) => {
            event.stopPropagation();
            ImageViewer.Multi.show({ images: urls, defaultIndex: index });
          }}
        />
      ))}
    </Space>
  );
}
