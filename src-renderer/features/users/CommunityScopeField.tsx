import { Group, MultiSelect, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommunityOption } from './format';

export interface Scope {
  all: boolean;
  ids: number[];
}

/** The scope as the contract takes it: an empty list means every community. */
export function scopeIds(scope: Scope): number[] {
  return scope.all ? [] : scope.ids;
}

export function scopeOf(ids: readonly number[]): Scope {
  return { all: ids.length === 0, ids: [...ids] };
}

/** 全部小区 or a chosen subset; "some" with none chosen is refused by the form (`error`). */
export function CommunityScopeField({
  value,
  onChange,
  communities,
  error,
}: {
  value: Scope;
  onChange: (scope: Scope) => void;
  communities: CommunityOption[];
  error?: string;
}) {
  const { t } = useTranslation();
  const none = communities.length === 0;
  return (
    <Stack gap={6}>
      <Radio.Group
        label={t('users.form.scope')}
        value={value.all ? 'all' : 'some'}
        onChange={(v) => onChange({ ...value, all: v === 'all' })}
        data-testid="user-form-scope"
      >
        <Group gap="xl" mt={6}>
          <Radio value="all" label={t('users.form.scopeAll')} data-testid="user-form-scope-all" />
          <Radio value="some" label={t('users.form.scopeSome')} disabled={none} data-testid="user-form-scope-some" />
        </Group>
      </Radio.Group>
      {none && (
        <Text size="xs" c="dimmed">
          {t('users.form.noCommunities')}
        </Text>
      )}
      {!value.all && (
        <MultiSelect
          aria-label={t('users.form.scopePick')}
          placeholder={t('users.form.scopePick')}
          data={communities.map((c) => ({ value: String(c.id), label: c.name }))}
          value={value.ids.map(String)}
          onChange={(ids) => onChange({ all: false, ids: ids.map(Number) })}
          searchable
          clearable
          error={error}
          data-testid="user-form-communities"
        />
      )}
    </Stack>
  );
}
