import { Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../src-shared/api';
import { businessDateTime, DEFAULT_TIME_ZONE } from '../../../src-shared/domain/businessTime';
import { useSession, type Bootstrap } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import classes from './RecoveryCodePage.module.css';

/**
 * Right after first-run setup: the administrator's one-time recovery code. The ledger keeps only
 * its hash, so this is the one time anybody sees it; printing shows the card alone.
 */
export function RecoveryCodePage({ bootstrap, session, recoveryCode }: { bootstrap: Bootstrap; session: SessionInfo; recoveryCode: string }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [issuedAt] = useState(() => businessDateTime(new Date(), DEFAULT_TIME_ZONE));

  return (
    <AuthLayout
      heading={bootstrap.companyName ?? t('app.productName')}
      title={t('auth.recoveryCode.title')}
      subtitle={t('auth.recoveryCode.intro')}
      width={560}
      version={bootstrap.appVersion}
    >
      <Paper withBorder radius="sm" p="lg" className={classes.card} data-testid="recovery-card">
        <Stack gap="sm">
          <Text fw={700} size="lg">
            {t('auth.recoveryCode.cardTitle')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={96}>{t('auth.recoveryCode.company')}</Table.Th>
                <Table.Td>{bootstrap.companyName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('auth.recoveryCode.admin')}</Table.Th>
                <Table.Td>
                  {session.user.displayName}（{session.user.username}）
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('auth.recoveryCode.issuedAt')}</Table.Th>
                <Table.Td>{issuedAt}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Paper bg="gray.0" withBorder radius="sm" py="md" px="sm">
            <Text className={classes.code} data-testid="recovery-code">
              {recoveryCode}
            </Text>
          </Paper>
          <List size="sm" spacing={4}>
            <List.Item>{t('auth.recoveryCode.ruleOnce')}</List.Item>
            <List.Item>{t('auth.recoveryCode.ruleSingleUse')}</List.Item>
            <List.Item>{t('auth.recoveryCode.ruleKeep')}</List.Item>
          </List>
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="recovery-print">
          {t('auth.recoveryCode.print')}
        </Button>
        <Button rightSection={<IconArrowRight size={16} />} onClick={() => signedIn(session)} data-testid="recovery-continue">
          {t('auth.recoveryCode.continue')}
        </Button>
      </Group>
    </AuthLayout>
  );
}
