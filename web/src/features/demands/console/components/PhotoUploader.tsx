import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../iam/hooks/useSession';
import { demandFileUrl, PHOTO_TYPES, uploadDemandPhoto } from '../../api';
import { demandErrorLine } from '../errors';

export type PhotoUploaderProps = {
  /** The stored photos' SHA-256 digests, as the request's `photos`. */
  value?: string[];
  onChange?: (value: string[]) => void;
  max?: number;
  testId?: string;
};

/** Photos uploaded one by one to POST /api/v1/demands/files; the form keeps their digests. */
export function PhotoUploader({ value = [], onChange, max = 9, testId }: PhotoUploaderProps) {
  const { t, i18n } = useTranslation('demands');
  const { message } = App.useApp();
  const session = useSession();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  // Several photos may finish at once: each adds to the latest list, not the one it started with.
  const latest = useRef(value);
  latest.current = value;
  const done: UploadFile[] = value.map((sha) => ({
    uid: sha,
    name: sha.slice(0, 12),
    status: 'done',
    url: demandFileUrl(sha),
    thumbUrl: demandFileUrl(sha),
  }));
  return (
    <Upload
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      multiple
      fileList={[...done, ...uploading]}
      onRemove={(file) => {
        onChange?.(value.filter((sha) => sha !== file.uid));
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const blob = file as File;
        const entry: UploadFile = {
          uid: `up-${Date.now()}-${blob.name}`,
          name: blob.name,
          status: 'uploading',
        };
        setUploading((list) => [...list, entry]);
        try {
          const stored = await uploadDemandPhoto(blob, session.csrfToken);
          onSuccess?.(stored);
          latest.current = [...new Set([...latest.current, stored.sha256])];
          onChange?.(latest.current);
        } catch (error) {
          message.error(demandErrorLine(error, i18n));
          onError?.(error as Error);
        } finally {
          setUploading((list) => list.filter((f) => f.uid !== entry.uid));
        }
      }}
      data-testid={testId}
    >
      {value.length + uploading.length >= max ? null : (
        <button type="button" style={{ border: 0, background: 'none' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('intake.upload')}</div>
        </button>
      )}
    </Upload>
  );
}
