// A button that picks one file and hands over its bytes: nothing is uploaded anywhere, the page
// sends the bytes to the service itself (the renderer cannot read paths).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { readUpload } from '../read-file';
import { exchangeErrorText } from './server-text';

export interface PickedFile {
  fileName: string;
  data: string;
}

interface FilePickerProps {
  label: string;
  /** File name endings the dialog offers, e.g. ".json". */
  accept: string;
  testId: string;
  busy?: boolean;
  primary?: boolean;
  onFile: (file: PickedFile) => void;
}

export function FilePicker({ label, accept, testId, busy = false, primary = false, onFile }: FilePickerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [reading, setReading] = useState(false);

  const read = async (file: File) => {
    setReading(true);
    try {
      onFile(await readUpload(file));
    } catch (err) {
      void message.error(exchangeErrorText(err, t));
    } finally {
      setReading(false);
    }
  };

  return (
    <span data-testid={testId} className="exchange-picker">
      <Upload
        accept={accept}
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} loading={busy || reading}>
          {label}
        </Button>
      </Upload>
    </span>
  );
}
