import { type GetProps, type GetRef, Input } from 'antd';
import type { Ref } from 'react';

export type CodeInputRef = GetRef<typeof Input.OTP>;

interface Props extends Pick<GetProps<typeof Input.OTP>, 'value' | 'onChange'> {
  label: string;
  ref?: Ref<CodeInputRef>;
}

/** Six boxes for a TOTP code; digits only, filled by the authenticator app or by hand. */
export function CodeInput({ label, ref, ...rest }: Props) {
  return (
    <Input.OTP
      ref={ref}
      length={6}
      autoComplete="one-time-code"
      formatter={(v) => v.replace(/\D/g, '')}
      aria-label={label}
      {...rest}
    />
  );
}
