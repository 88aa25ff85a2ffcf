import { z } from 'zod';

/** The body of every error response. */
export const ErrorBody = z
  .object({
    code: z.string().meta({ example: 'LOGIN_FAILED' }),
    message: z.string().meta({ example: '账号或密码错误' }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Error' });

/** Error responses every route may give, for its contract. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  423: ErrorBody,
  429: ErrorBody,
  500: ErrorBody,
} as const;
