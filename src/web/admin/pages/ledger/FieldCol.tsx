import { Col, DatePicker, Form } from 'antd';
import type { FormItemProps } from 'antd/es/form';
import type { DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/**
 * One field of a record form's grid: a form item `span` columns wide (of 24).
 *
 * @example
 * <FieldCol span={12} name="skills" label={t('lp.skills')} rules={[rule('skills')]}>
 *   <Input maxLength={500} />
 * </FieldCol>
 */
export function FieldCol({ span, ...item }: FormItemProps & { span: number }) {
  return (
    <Col span={span}>
      <Form.Item {...item} />
    </Col>
  );
}

/** A full-width date picker that offers no day after today (a founding or a return date). */
export function PastDatePicker(props: DatePickerProps) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      {...props}
    />
  );
}
