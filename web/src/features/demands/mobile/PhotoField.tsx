import { ImageUploader, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useSession } from '../../iam/hooks/useSession';
import { uploadDemandPhoto } from '../api';
import { megabytes, PHOTO_ACCEPT, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, photoProblem } from './photoRules';
import { shrinkPhoto } from './shrinkPhoto';

export type PhotoFieldProps = {
  /** Uploaded photos; `extra` holds the SHA-256 the server answered. */
  value: ImageUploadItem[];
  onChange: (items: ImageUploadItem[]) => void;
  /** Tells the form whether an upload is still running. */
  onBusyChange?: (busy: boolean) => void;
  testId?: string;
};

/** The SHA-256 of each uploaded photo, for the request body. */
export function photoIds(items: readonly ImageUploadItem[]): string[] {
  return items.map((item) => item.extra as unknown).filter((id): id is string => typeof id === 'string');
}

/**
 * Photos, each sent to POST /api/v1/demands/files as soon as it is chosen. A wrong type or a photo
 * too large even after shrinking is refused here with a sentence, before any upload.
 */
export function PhotoField({ value, onChange, onBusyChange, testId = 'intake-photos' }: PhotoFieldProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  const session = useSession();
  const [error, setError] = useState<string | null>(null);

  return (
    <div data-testid={testId}>
      <ImageUploader
        value={value}
        onChange={onChange}
        accept={PHOTO_ACCEPT}
        multiple
        maxCount={PHOTO_MAX_COUNT}
        onCountExceed={(exceed) => setError(t('photos.tooMany', { max: PHOTO_MAX_COUNT, exceed }))}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === 'pending'))}
        showFailed={false}
        beforeUpload={async (file) => {
          setError(null);
          const problem = photoProblem(file, Number.POSITIVE_INFINITY);
          if (problem) {
            setError(t(`photos.${problem}`, { name: file.name }));
            return null;
          }
          const ready = await shrinkPhoto(file);
          const tooLarge = !ready || photoProblem(ready) === 'tooLarge';
          if (tooLarge) {
            setError(t('photos.tooLarge', { name: file.name, max: megabytes(PHOTO_MAX_BYTES) }));
            return null;
          }
          return ready;
        }}
        upload={async (file) => {
          try {
            const stored = await uploadDemandPhoto(file, session.csrfToken);
            return { key: stored.sha256, url: URL.createObjectURL(file), extra: stored.sha256 };
          } catch (cause) {
            setError(t('photos.uploadFailed', { name: file.name, reason: apiErrorMessage(cause, i18n) }));
            throw cause;
          }
        }}
      />
      <div style={{ color: '#999', fontSize: 12, marginTop: 4 }}>
        {t('photos.hint', { max: PHOTO_MAX_COUNT, size: megabytes(PHOTO_MAX_BYTES) })}
      </div>
      {error ? (
        <div
          role="alert"
          style={{ color: '#ff3141', fontSize: 13, marginTop: 4 }}
          data-testid={`${testId}-error`}
        >
          {error}
        </div>
      ) : null}
    </div>
  );
}
