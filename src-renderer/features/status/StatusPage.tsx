import { Badge, Button, Code, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';

type Status = CallOutput<'system.status'>;

function Field({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <div data-testid={testId}>{children}</div>
    </Stack>
  );
}

function SchemaBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  if (status.schemaVersion === status.appSchemaVersion) {
    return <Badge color="teal" variant="light">{t('status.schemaMatch')}</Badge>;
  }
  return (
    <Badge color={status.schemaVersion < status.appSchemaVersion ? 'orange' : 'red'} variant="light">
      {t(status.schemaVersion < status.appSchemaVersion ? 'status.schemaBehind' : 'status.schemaAhead')}
    </Badge>
  );
}

/** Database file, schema versions, business date and row counts: what support asks for first. */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    const result = await call('system.status', {});
    setLoading(false);
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    } else {
      setError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const number = new Intl.NumberFormat(i18n.language);

  return (
    <Stack gap="lg" maw={960} data-testid="page-status">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('status.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('status.subtitle')}
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => void load()}
          loading={loading && status !== null}
          data-testid="status-refresh"
        >
          {t('common.refresh')}
        </Button>
      </Group>

      <ErrorAlert message={error} testId="status-error" />
      {loading && !status && <Loader size="sm" aria-label={t('app.loading')} />}

      {status && (
        <>
          <Paper withBorder p="lg" radius="sm">
            <Stack gap="lg">
              <Field label={t('status.databaseFile')} testId="status-database-file">
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {status.databaseFile}
                </Code>
              </Field>
              <SimpleGrid cols={4} spacing="lg">
                <Field label={t('status.schemaVersion')} testId="status-schema-version">
                  <Group gap="xs">
                    <Text fw={600} size="lg">
                      {status.schemaVersion}
                    </Text>
                    <SchemaBadge status={status} />
                  </Group>
                </Field>
                <Field label={t('status.appSchemaVersion')} testId="status-app-schema-version">
                  <Text fw={600} size="lg">
                    {status.appSchemaVersion}
                  </Text>
                </Field>
                <Field label={t('status.businessDate')} testId="status-business-date">
                  <Text fw={600} size="lg">
                    {status.businessDate}
                  </Text>
                </Field>
                <Field label={t('status.timeZone')} testId="status-time-zone">
                  <Text fw={600} size="lg">
                    {status.timeZone}
                  </Text>
                </Field>
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder radius="sm">
            <Group justify="space-between" px="lg" py="sm">
              <Title order={2} size="h4">
                {t('status.tablesTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('status.tableCount', { count: status.tables.length })}
              </Text>
            </Group>
            <Table striped highlightOnHover verticalSpacing={6} horizontalSpacing="lg" data-testid="status-tables">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('status.tableName')}</Table.Th>
                  <Table.Th ta="right">{t('status.rowCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.tables.map((row) => (
                  <Table.Tr key={row.table} data-testid={`status-table-${row.table}`}>
                    <Table.Td ff="monospace" fz="sm">
                      {row.table}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`status-rows-${row.table}`}>
                      {number.format(row.rows)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
