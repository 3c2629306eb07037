// 考核情况表 as a file: the figures the page shows (same year and 统计截至 date), as .xlsx for the
// supervisors' spreadsheets or .docx for the record.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useExportAssessment } from '../../api/portal-hooks';
import { useT } from '../../i18n/use-t';
import { ExportDialog } from '../export-dialog';
import { assessmentFileName } from './portal-logic';

type Format = 'xlsx' | 'docx';

export function AssessmentExport({ year, asOf }: { year: number; asOf: string | null }) {
  const t = useT();
  const exportSheet = useExportAssessment();
  const [format, setFormat] = useState<Format | null>(null);

  return (
    <Space>
      <Button icon={<FileExcelOutlined />} onClick={() => setFormat('xlsx')} data-testid="assessment-export-xlsx">
        {t('assessment.export.xlsx')}
      </Button>
      <Button icon={<FileWordOutlined />} onClick={() => setFormat('docx')} data-testid="assessment-export-docx">
        {t('assessment.export.docx')}
      </Button>
      <ExportDialog
        open={format !== null}
        title={t(format === 'docx' ? 'assessment.export.docxTitle' : 'assessment.export.xlsxTitle')}
        fileName={assessmentFileName(year, format ?? 'xlsx')}
        testId="assessment-export-dialog"
        onClose={() => setFormat(null)}
        write={async (target) => {
          const written = await exportSheet.mutateAsync({ year, asOf, format: format ?? 'xlsx', ...target });
          return [written.path];
        }}
      />
    </Space>
  );
}
