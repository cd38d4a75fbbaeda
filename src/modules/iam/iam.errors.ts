import { AppError, type FieldProblem } from '../../server/errors';

export const iamErrors = {
  unauthenticated: () =>
    new AppError({
      code: 'iam.unauthenticated',
      status: 401,
      title: { zh: '请先登录', en: 'Please sign in' },
    }),
  sessionExpired: () =>
    new AppError({
      code: 'iam.session_expired',
      status: 401,
      title: { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
    }),
  invalidCredentials: () =>
    new AppError({
      code: 'iam.invalid_credentials',
      status: 401,
      title: { zh: '用户名或密码错误', en: 'Wrong username or password' },
    }),
  accountLocked: (lockedUntil: string) =>
    new AppError({
      code: 'iam.account_locked',
      status: 423,
      title: {
        zh: '密码错误次数过多，账号已临时锁定',
        en: 'Too many failed sign-ins; the account is locked for now',
      },
      extra: { lockedUntil },
    }),
  accountDisabled: () =>
    new AppError({
      code: 'iam.account_disabled',
      status: 403,
      title: { zh: '账号已停用', en: 'The account is disabled' },
    }),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError({
      code: 'iam.too_many_attempts',
      status: 429,
      title: { zh: '登录尝试过于频繁，请稍后再试', en: 'Too many sign-in attempts; try again later' },
      extra: { retryAfterSeconds },
    }),
  csrfFailed: () =>
    new AppError({
      code: 'iam.csrf_failed',
      status: 403,
      title: {
        zh: '请求校验失败，请刷新页面后重试',
        en: 'The request token is missing or wrong; reload and retry',
      },
    }),
  forbidden: (permission: string) =>
    new AppError({
      code: 'iam.forbidden',
      status: 403,
      title: { zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
      extra: { permission },
    }),
  weakPassword: (errors: FieldProblem[]) =>
    new AppError({
      code: 'iam.weak_password',
      status: 400,
      title: { zh: '密码强度不足', en: 'The password is too weak' },
      errors,
    }),
  passwordMismatch: () =>
    new AppError({
      code: 'iam.password_mismatch',
      status: 401,
      title: { zh: '当前密码不正确', en: 'The current password is wrong' },
    }),
  usernameTaken: () =>
    new AppError({
      code: 'iam.username_taken',
      status: 409,
      title: { zh: '用户名已被使用', en: 'The username is already taken' },
      errors: [
        {
          field: 'username',
          in: 'body',
          reason: 'taken',
          message: { zh: '用户名已被使用', en: 'already taken' },
        },
      ],
    }),
  roleNotGrantable: (role: string) =>
    new AppError({
      code: 'iam.role_not_grantable',
      status: 403,
      title: { zh: `无权授予角色 ${role}`, en: `You may not grant the role ${role}` },
    }),
  scopeOutside: (scopePath: string) =>
    new AppError({
      code: 'iam.scope_outside',
      status: 403,
      title: { zh: `范围 ${scopePath} 超出您的管辖`, en: `The scope ${scopePath} is outside yours` },
    }),
  invalidToken: () =>
    new AppError({
      code: 'iam.invalid_token',
      status: 401,
      title: { zh: 'API 令牌无效、已过期或已吊销', en: 'The API token is invalid, expired or revoked' },
    }),
  cannotChangeOwnAccess: () =>
    new AppError({
      code: 'iam.cannot_change_own_access',
      status: 409,
      title: {
        zh: '不能修改自己的角色或停用自己',
        en: 'You cannot change your own roles or disable yourself',
      },
    }),
};
