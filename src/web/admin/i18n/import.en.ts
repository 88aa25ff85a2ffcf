import type { ImportKey } from './import.types';

/** The console's English messages for the import and export screen; spread into en.ts. */
export const importEn: Record<ImportKey, string> = {
  'io.tab.import': 'Import',
  'io.tab.export': 'Export',
  'io.next': 'Next',
  'io.back': 'Back',
  'io.downloadStarted': 'Preparing the file; the download starts shortly',

  'io.step.kind': 'What to import',
  'io.step.upload': 'Upload',
  'io.step.progress': 'Progress',
  'io.step.result': 'Result',

  'io.kind.question': 'Which ledger does the file hold?',
  'io.kind.people': 'People',
  'io.kind.people.desc':
    'Returnee entrepreneurs and people working away: ID number, household region, category, status …',
  'io.kind.entities': 'Market entities',
  'io.kind.entities.desc':
    'Enterprises, sole traders, co-operatives, family farms, workshops: credit code, industry, jobs …',
  'io.kind.note.template':
    'Download the template first and fill it in under its headers; its notes sheet explains every column.',
  'io.kind.note.codes':
    'Categories, education, status and entity type take the Chinese name or the code; the template offers drop-downs.',
  'io.kind.note.update':
    'A row whose ID number (or credit code) is already registered updates that record, with history.',
  'io.kind.note.format':
    '.xlsx and .csv (UTF-8, or GBK as Excel saves it) are accepted, up to 200 MB per file.',
  'io.template.people': 'Download the people template',
  'io.template.entities': 'Download the entities template',

  'io.upload.title': 'Upload the {kind} file',
  'io.upload.drop': 'Click to choose a file, or drop it here',
  'io.upload.hint': '.xlsx or .csv, up to 200 MB',
  'io.upload.remove': 'Remove the file',
  'io.upload.start': 'Start import',
  'io.upload.sending': 'Uploading {percent}%',
  'io.upload.network': 'Upload failed; check the connection and try again',
  'io.file.type': 'Only .xlsx and .csv files can be imported',
  'io.file.xls': 'Old .xls files are not supported: save the file as .xlsx in Excel first',
  'io.file.empty': 'The file is empty; check it and choose again',
  'io.file.tooLarge': 'The file is over 200 MB; split it and import the parts',

  'io.progress.queued': 'Queued, waiting for the background worker…',
  'io.progress.running': 'Importing…',
  'io.progress.label': 'Import progress',
  'io.progress.done': '{done} of {total} rows processed',
  'io.progress.doneOnly': '{done} rows processed',
  'io.progress.rate': '{rate} rows/s',
  'io.progress.leave':
    'The import runs in the background: you may leave or reload this page and come back to the progress.',

  'io.count.total': 'Rows',
  'io.count.created': 'Created',
  'io.count.updated': 'Updated',
  'io.count.unchanged': 'Unchanged',
  'io.count.failed': 'Not imported',
  'io.count.skipped': 'Example rows skipped',
  'io.count.warnings': 'Warnings',

  'io.result.success': 'Import finished',
  'io.result.partial': 'Import finished; {failed} rows had errors and were not imported',
  'io.result.failed': 'Import failed',
  'io.result.failedHint': 'The file could not be processed; check it and import again',
  'io.result.speed': '{rate} rows/s on average',
  'io.result.report': 'Download the error report',
  'io.result.reportHint':
    'The report gives the row, column and reason of every problem; fix those rows and import the whole file again, imported rows are not duplicated.',
  'io.result.again': 'Import another file',
  'io.result.open.people': 'Open the people ledger',
  'io.result.open.entities': 'Open the entity ledger',

  'io.result.skipped':
    "The template's {count} example rows (grey italics: 张三, 李梅 …) were skipped and not filed.",
  'io.issue.title': 'Problems (preview)',
  'io.issue.row': 'Row',
  'io.issue.subject': 'Name',
  'io.issue.column': 'Column',
  'io.issue.severity': 'Type',
  'io.issue.error': 'Error',
  'io.issue.warning': 'Warning',
  'io.issue.reason': 'Reason',
  'io.issue.value': 'Value (masked)',
  'io.issue.more':
    'Showing the first {shown} of {total} problems; download the error report for all of them.',

  'io.recent.title': 'My recent imports',
  'io.recent.time': 'Started',
  'io.recent.kind': 'Kind',
  'io.recent.file': 'File',
  'io.recent.noName': '(unnamed file)',
  'io.recent.status': 'Status',
  'io.recent.result': 'Result',
  'io.recent.counts': '{created} created, {updated} updated, {failed} not imported',
  'io.recent.report': 'Error report',
  'io.recent.empty': 'No imports yet',
  'io.status.queued': 'Queued',
  'io.status.running': 'Running',
  'io.status.done': 'Done',
  'io.status.failed': 'Failed',
  'io.status.cancelled': 'Cancelled',

  'io.export.what': 'Export',
  'io.export.region': 'Region',
  'io.export.q': 'Keywords',
  'io.export.q.people': 'Name or skills; or a whole ID number or mobile number',
  'io.export.q.entities': 'Name or products; or a whole unified social credit code',
  'io.export.category': 'Category',
  'io.export.status': 'Status',
  'io.export.education': 'Education',
  'io.export.returned': 'Returned on',
  'io.export.type': 'Entity type',
  'io.export.industry': 'Industry section',
  'io.export.workshop': 'Poverty-relief workshop',
  'io.export.aboveScale': 'Above designated size',
  'io.export.ecommerce': 'E-commerce',
  'io.export.founded': 'Founded on',
  'io.export.yes': 'Yes',
  'io.export.no': 'No',
  'io.export.privacy': 'Personal data',
  'io.export.unmask': 'Include full ID and mobile numbers (unmasked)',
  'io.export.reason': 'Reason',
  'io.export.reasonHint': 'The reason is written to the audit trail with the export',
  'io.export.reasonPlaceholder':
    'e.g. list of guarantee-loan applicants for the county HRSS bureau',
  'io.export.reasonRequired': 'Give the reason for exporting full ID numbers',
  'io.export.reasonLength': 'The reason takes 4–200 characters',
  'io.export.maskedNote':
    'ID and mobile numbers in the file are masked (e.g. 500236********1234). Exports are audited.',
  'io.export.unmaskedNote':
    'The file will hold full ID and mobile numbers: keep it safe, delete it after use and do not pass it on. This export and its reason are audited.',
  'io.export.submit': 'Export to Excel',
} as const;
