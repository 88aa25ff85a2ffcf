import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title, with its actions on the right. */
export function PageHead({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="fx-page-head">
      <Typography.Title level={3}>{title}</Typography.Title>
      {extra && <div>{extra}</div>}
    </div>
  );
}
