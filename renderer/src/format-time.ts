import dayjs from 'dayjs';

/** A stored instant (ISO, UTC) as the office reads it: local time, `YYYY-MM-DD HH:mm:ss`. */
export function formatTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}
