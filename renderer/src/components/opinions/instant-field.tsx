// A date-and-time picker whose value is an instant with the local offset
// (`2026-11-27T09:30:00+08:00`), so form values go straight to the shared schemas.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { toInstant } from './opinion-time';

interface InstantFieldProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  testId?: string;
  placeholder?: string;
}

export function InstantField({ value, onChange, id, testId, placeholder }: InstantFieldProps) {
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      data-testid={testId}
      showTime={{ format: 'HH:mm' }}
      // A typed value is taken as it is, without the extra click on "确定".
      needConfirm={false}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? toInstant(d) : null)}
      format="YYYY-MM-DD HH:mm"
      placeholder={placeholder ?? 'YYYY-MM-DD HH:mm'}
      style={{ width: '100%' }}
    />
  );
}
