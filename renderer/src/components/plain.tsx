// The first screen's pieces in antd's look, as plain elements styled by styles.css (the "plain" section):
// the shell and the dashboard, the first thing every start shows, render without antd's JavaScript or its
// stylesheet, which load behind them for the other screens (antd-scope.tsx, docs/performance.md). Each draws
// what antd's component of the same name draws with the app's theme; use antd's own where a tag closes, a
// text copies or cuts itself short, a button shows a spinner, or anything else happens.
import type { HTMLAttributes, ReactNode } from 'react';
import type { TagColor } from '../theme';

type SpanProps = Omit<HTMLAttributes<HTMLSpanElement>, 'className' | 'color'> & {
  className?: string;
  children?: ReactNode;
  // data-testid and the like pass through.
  [data: `data-${string}`]: string | undefined;
};

const join = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** antd's `<Typography.Text type>`: text in the type's colour. */
export function PlainText({
  type,
  className,
  ...rest
}: SpanProps & { type?: 'secondary' | 'danger' | 'warning' | 'success' }) {
  return <span className={join('plain-text', type && `plain-text-${type}`, className)} {...rest} />;
}

export type { TagColor } from '../theme';

/** The classes of a tag of this colour (styles.css `.tag-chip`): for PlainTag, and where a list draws many as spans. */
export function tagChipClass(color: TagColor | undefined): string {
  return color && color !== 'default' ? `tag-chip tag-chip-${color}` : 'tag-chip';
}

/** antd's `<Tag color>` as antd 6 draws it by default (filled): the class names the colour. */
export function PlainTag({ color, className, ...rest }: SpanProps & { color?: TagColor | undefined }) {
  return <span className={join(tagChipClass(color), className)} {...rest} />;
}

/** antd's `<Space size wrap>` for a line of short items: a wrapping row with a gap, without a wrapper per item. */
export function PlainRow({ gap, children }: { gap: 2 | 8; children: ReactNode }) {
  return <div className={`plain-row plain-row-${gap}`}>{children}</div>;
}

/** antd's small `<Card title extra>`: a titled box. */
export function PlainCard({
  title,
  extra,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className={join('plain-card', className)} data-testid={testId}>
      <div className="plain-card-head">
        <div className="plain-card-title">{title}</div>
        {extra === undefined ? null : <div className="plain-card-extra">{extra}</div>}
      </div>
      <div className="plain-card-body">{children}</div>
    </section>
  );
}

/** antd's `<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description>`: the empty tray and a line of text. */
export function PlainEmpty({ description }: { description: ReactNode }) {
  return (
    <div className="plain-empty">
      <svg className="plain-empty-image" width="64" height="41" viewBox="0 0 64 41" aria-hidden="true">
        <g transform="translate(0 1)" fill="none" fillRule="evenodd">
          <ellipse fill="#f5f5f5" cx="32" cy="33" rx="32" ry="7" />
          <g fillRule="nonzero" stroke="#d9d9d9">
            <path d="M55 12.8 44.9 1.3Q44 0 42.9 0H21.1q-1.2 0-2 1.3L9 12.8V22h46z" />
            <path
              d="M41.6 16c0-1.7 1-3 2.2-3H55v18.1c0 2.2-1.3 3.9-3 3.9H12c-1.7 0-3-1.7-3-3.9V13h11.2c1.2 0 2.2 1.3 2.2 3s1 2.9 2.2 2.9h14.8c1.2 0 2.2-1.4 2.2-3"
              fill="#fafafa"
            />
          </g>
        </g>
      </svg>
      <div className="plain-empty-description">{description}</div>
    </div>
  );
}

/** A link in the look of antd's `<Button type href>` (default or primary). */
export function PlainButtonLink({ href, primary, children }: { href: string; primary?: boolean; children: ReactNode }) {
  return (
    <a href={href} className={join('plain-button', primary && 'plain-button-primary')}>
      {children}
    </a>
  );
}
