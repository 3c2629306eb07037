// @vitest-environment jsdom
// components/plain.tsx draws what antd's Tag, Typography.Text and Space draw, with the same classes, so antd's
// stylesheet styles them alike: checked against antd itself, so an antd upgrade that renames a class fails here.
import { cleanup, render } from '@testing-library/react';
import { Space, Tag, Typography } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { PlainRow, PlainTag, PlainText, type TagColor } from '../../../renderer/src/components/plain';

afterEach(cleanup);

/** The classes antd's stylesheet selects on: without the per-theme hash and CSS-variable scope classes. */
const styled = (el: Element) => [...el.classList].filter((c) => !c.startsWith('css-') && c !== 'plain-tag').sort();

describe('plain components', () => {
  const colors: (TagColor | undefined)[] = [undefined, 'orange', 'gold', 'red', 'blue', 'green', 'default'];
  it.each(colors.map((color) => [color ?? '(none)', color] as const))(
    'PlainTag %s has antd Tag classes',
    (_, color) => {
      const antd = render(<Tag color={color}>重大</Tag>).container.firstElementChild as Element;
      const plain = render(<PlainTag color={color}>重大</PlainTag>).container.firstElementChild as Element;
      expect(plain.tagName).toBe(antd.tagName);
      expect(styled(plain)).toEqual(styled(antd));
      expect(plain.textContent).toBe(antd.textContent);
    },
  );

  it.each([undefined, 'secondary', 'danger'] as const)('PlainText %s has antd Typography.Text classes', (type) => {
    const antd = render(
      <Typography.Text type={type} className="small">
        已超时 3 小时
      </Typography.Text>,
    ).container.firstElementChild as Element;
    const plain = render(
      <PlainText type={type} className="small">
        已超时 3 小时
      </PlainText>,
    ).container.firstElementChild as Element;
    expect(plain.tagName).toBe(antd.tagName);
    expect(styled(plain)).toEqual(styled(antd));
  });

  it('passes data attributes through and wraps a row of items', () => {
    const { getByTestId, container } = render(
      <PlainRow gap={8}>
        <PlainTag color="red" data-testid="grade" data-grade="severe">
          重大
        </PlainTag>
        <span>市应急局</span>
      </PlainRow>,
    );
    expect(getByTestId('grade').dataset.grade).toBe('severe');
    const row = container.firstElementChild as Element;
    expect([...row.classList]).toEqual(['plain-row', 'plain-row-8']);
    expect(row.children).toHaveLength(2);
    // What it stands for: antd's Space lays out the same items in a row (one wrapper each).
    const space = render(
      <Space size={8} wrap>
        <span>a</span>
        <span>b</span>
      </Space>,
    ).container.firstElementChild as Element;
    expect(space.classList).toContain('ant-space');
  });
});
