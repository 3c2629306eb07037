// A date picker whose value is the app's date string `YYYY-MM-DD` (or null), so form values can go
// straight to the shared schemas.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface DateFieldProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  testId?: string;
  placeholder?: string;
}

export function DateField({ value, onChange, id, testId, placeholder }: DateFieldProps) {
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      data-testid={testId}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      style={{ width: '100%' }}
    />
  );
}
