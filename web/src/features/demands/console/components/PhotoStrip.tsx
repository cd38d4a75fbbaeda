import { Flex, Image, Typography } from 'antd';
import type { Attachment } from '../../api';

export type PhotoStripProps = {
  photos: readonly Attachment[];
  size?: number;
  empty?: string;
  testId?: string;
};

/** Thumbnails of stored photos (GET /api/v1/demands/files/:sha256, same auth), opened large on click. */
export function PhotoStrip({ photos, size = 96, empty, testId }: PhotoStripProps) {
  if (!photos.length) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid={testId}>
        {photos.map((photo) => (
          <Image
            key={photo.sha256}
            src={photo.url}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={photo.sha256.slice(0, 12)}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
