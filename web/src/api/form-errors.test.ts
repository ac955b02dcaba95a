import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from './api-client';
import { applyFieldErrors, describeError, toNamePath } from './form-errors';

function fakeForm() {
  const calls: unknown[] = [];
  const form = { setFields: (fields: unknown) => calls.push(fields) } as unknown as FormInstance;
  return { form, calls };
}

describe('server field errors on forms', () => {
  it('turns dotted and pointer paths into antd name paths', () => {
    expect(toNamePath('storeRoles.0.role')).toEqual(['storeRoles', 0, 'role']);
    expect(toNamePath('/storeRoles/1/storeId')).toEqual(['storeRoles', 1, 'storeId']);
    expect(toNamePath('username')).toEqual(['username']);
  });

  it('puts each message on its field and returns the ones the form does not have', () => {
    const { form, calls } = fakeForm();
    const error = new ApiError(
      400,
      {
        type: 'about:blank',
        title: '请求中有字段不正确',
        status: 400,
        code: 'request.invalid',
        errors: [
          { path: 'username', message: '格式不正确', code: 'invalid_format' },
          { path: 'storeRoles.0.role', message: '无效的角色', code: 'invalid_value' },
          { path: 'groupId', message: '不允许', code: 'unrecognized_keys' },
        ],
      },
      '请求中有字段不正确',
    );
    const leftover = applyFieldErrors(form, error, ['username', 'storeRoles']);
    expect(calls).toEqual([
      [
        { name: ['username'], errors: ['格式不正确'] },
        { name: ['storeRoles', 0, 'role'], errors: ['无效的角色'] },
      ],
    ]);
    expect(leftover).toEqual(['groupId: 不允许']);
    expect(describeError(error)).toBe('请求中有字段不正确');
  });
});
