// 达标情况表 as a file: the figures the compliance page shows (same year, quarter and 统计截至 date),
// as .xlsx for the supervisors' spreadsheets or .docx for the record.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { Quarter } from '../../../../common/domain/periods';
import { useExportCompliance } from '../../api/exchange-hooks';
import { useT } from '../../i18n/use-t';
import { ExportDialog } from '../export-dialog';

type Format = 'xlsx' | 'docx';

/** The file name the office uses for the sheet, as the service titles it. */
export function complianceFileName(year: number, quarter: Quarter | null, format: Format): string {
  const title = quarter ? `${year}年第${quarter}季度新闻发布工作达标情况` : `${year}年度新闻发布工作达标情况`;
  return `${title}.${format}`;
}

export function ComplianceExport({
  year,
  quarter = null,
  asOf,
}: {
  year: number;
  quarter?: Quarter | null;
  /** The 统计截至 date the page shows; null for today. */
  asOf: string | null;
}) {
  const t = useT();
  const exportSheet = useExportCompliance();
  const [format, setFormat] = useState<Format | null>(null);

  return (
    <Space>
      <Button icon={<FileExcelOutlined />} onClick={() => setFormat('xlsx')} data-testid="compliance-export-xlsx">
        {t('compliance.export.xlsx')}
      </Button>
      <Button icon={<FileWordOutlined />} onClick={() => setFormat('docx')} data-testid="compliance-export-docx">
        {t('compliance.export.docx')}
      </Button>
      <ExportDialog
        open={format !== null}
        title={t(format === 'docx' ? 'compliance.export.docxTitle' : 'compliance.export.xlsxTitle')}
        fileName={complianceFileName(year, quarter, format ?? 'xlsx')}
        testId="compliance-export-dialog"
        onClose={() => setFormat(null)}
        write={async (target) => {
          const written = await exportSheet.mutateAsync({
            year,
            quarter,
            asOf,
            format: format ?? 'xlsx',
            ...target,
          });
          return [written.path];
        }}
      />
    </Space>
  );
}
