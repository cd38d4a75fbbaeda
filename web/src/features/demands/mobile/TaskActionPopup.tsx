import { Button, type ImageUploadItem, Popup, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoField, photoIds } from './PhotoField';
import { canSendTaskAction, TASK_ACTION_FORMS, type TaskAction } from './taskActions';

export type TaskActionPopupProps = {
  action: TaskAction | null;
  busy: boolean;
  error: string | null;
  onSend: (input: { note: string; photos: string[] }) => void;
  onClose: () => void;
};

/** The form of one task step: the note (the reason or the result) and, for a reply, photos. */
export function TaskActionPopup({ action, busy, error, onSend, onClose }: TaskActionPopupProps) {
  const { t } = useTranslation(['demandsMobile', 'demands']);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const form = action ? TASK_ACTION_FORMS[action] : null;
  return (
    <Popup
      visible={action !== null}
      destroyOnClose
      onMaskClick={onClose}
      onClose={onClose}
      afterClose={() => {
        setNote('');
        setPhotos([]);
      }}
      bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '85vh', overflowY: 'auto' }}
    >
      {action && form ? (
        <div style={{ padding: 16 }} data-testid={`task-form-${action}`}>
          <h3 style={{ margin: '0 0 4px' }}>{t(`demands:actions.${action}`)}</h3>
          <p style={{ margin: '0 0 12px', color: '#666', fontSize: 13 }}>{t(`taskHints.${action}`)}</p>
          {form.note ? (
            <TextArea
              value={note}
              onChange={setNote}
              maxLength={2000}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t(form.noteRequired ? 'task.noteRequired' : 'task.noteOptional')}
              data-testid="task-note"
            />
          ) : null}
          {form.photos ? (
            <div style={{ marginTop: 12 }}>
              <PhotoField
                value={photos}
                onChange={setPhotos}
                onBusyChange={setUploading}
                testId="task-photos"
              />
            </div>
          ) : null}
          {error ? (
            <div role="alert" style={{ color: '#ff3141', margin: '8px 0' }}>
              {error}
            </div>
          ) : null}
          <Button
            block
            color="primary"
            style={{ marginTop: 12 }}
            disabled={!canSendTaskAction(action, note) || uploading}
            loading={busy}
            onClick={() => onSend({ note, photos: photoIds(photos) })}
            data-testid="task-send"
          >
            {t('task.send')}
          </Button>
        </div>
      ) : null}
    </Popup>
  );
}
