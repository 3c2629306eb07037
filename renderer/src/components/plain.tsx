// Display-only text, tags and wrapping rows in antd's look, as plain elements. The dashboard (the first
// screen of every start) shows a few hundred of them; as antd components each runs its theme, style and
// semantic-class hooks, which was a third of the first render (docs/performance.md). These give the same
// elements with the same classes, so antd's stylesheet draws them the same; use antd's own where a tag
// closes, a text copies or cuts itself short, or anything else happens.
import type { HTMLAttributes, ReactNode } from 'react';

type SpanProps = Omit<HTMLAttributes<HTMLSpanElement>, 'className' | 'color'> & {
  className?: string;
  children?: ReactNode;
  // data-testid and the like pass through.
  [data: `data-${string}`]: string | undefined;
};

const join = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** antd's `<Typography.Text type>`: the same span and classes. */
export function PlainText({
  type,
  className,
  ...rest
}: SpanProps & { type?: 'secondary' | 'danger' | 'warning' | 'success' }) {
  return <span className={join('ant-typography', type && `ant-typography-${type}`, className)} {...rest} />;
}

/** antd's preset and status colours: what `<Tag color>` turns into a class. */
export type TagColor =
  | 'blue'
  | 'cyan'
  | 'geekblue'
  | 'gold'
  | 'green'
  | 'lime'
  | 'magenta'
  | 'orange'
  | 'purple'
  | 'red'
  | 'volcano'
  | 'yellow'
  | 'default'
  | 'success'
  | 'processing'
  | 'error'
  | 'warning';

/**
 * antd's `<Tag color>` (filled, as antd 6 draws tags by default): the same span and classes. `plain-tag`
 * carries the three colours antd's Tag otherwise sets on itself (styles.css).
 */
export function PlainTag({ color, className, ...rest }: SpanProps & { color?: TagColor | undefined }) {
  return (
    <span className={join('ant-tag ant-tag-filled plain-tag', color && `ant-tag-${color}`, className)} {...rest} />
  );
}

/** antd's `<Space size wrap>` for a line of short items: a wrapping row with a gap, without a wrapper per item. */
export function PlainRow({ gap, children }: { gap: 2 | 8; children: ReactNode }) {
  return <div className={`plain-row plain-row-${gap}`}>{children}</div>;
}
