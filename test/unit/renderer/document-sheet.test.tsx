// @vitest-environment jsdom
// The page preview: blocks as headings and paragraphs, the 草稿 mark only on drafts, the signature
// date in Chinese and the 附注 in parentheses.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBody } from '../../../common/document-body';
import { chineseDate, DocumentSheet } from '../../../renderer/src/components/documents/document-sheet';

afterEach(cleanup);

describe('DocumentSheet', () => {
  it('draws a draft with its headings, paragraphs, signature and 附注', () => {
    const { container } = render(
      <DocumentSheet
        doc={{
          title: '关于召开新闻发布会的通知',
          docNumber: '日新办发〔2026〕3号',
          blocks: parseBody('一、会议时间\n\n（一）上午\n\n2026年3月10日\n上午10:00'),
          signature: { office: '日照市人民政府新闻办公室', date: '2026-03-01' },
          note: '起草：李起草',
          draft: true,
        }}
      />,
    );
    expect(screen.getByTestId('draft-mark').textContent).toBe('草稿');
    expect(container.querySelector('h1')?.textContent).toBe('关于召开新闻发布会的通知');
    expect(container.querySelector('.doc-h1')?.textContent).toBe('一、会议时间');
    expect(container.querySelector('.doc-h2')?.textContent).toBe('（一）上午');
    expect(container.querySelector('.doc-p')?.textContent).toBe('2026年3月10日\n上午10:00');
    expect(container.querySelector('.doc-signature')?.textContent).toContain('2026年3月1日');
    expect(screen.getByTestId('sheet-note').textContent).toBe('（起草：李起草）');
  });

  it('has no 草稿 mark once approved', () => {
    render(<DocumentSheet doc={{ title: '通稿', blocks: [], draft: false }} />);
    expect(screen.queryByTestId('draft-mark')).toBeNull();
    expect(screen.getByTestId('document-sheet').textContent).toContain('正文为空');
  });

  it('writes dates the way the signature prints them', () => {
    expect(chineseDate('2026-11-27')).toBe('2026年11月27日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
