import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from './format';

/** The temporary password the ledger generated, shown this once for the administrator to pass on. */
export function IssuedPasswordModal({ user, password, onClose }: { user: UserView; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('users.issued.title', { name: user.displayName })}</Text>} data-testid="issued-password">
      <Stack gap="md">
        <Text size="sm">{t('users.issued.body', { name: user.displayName })}</Text>
        <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={110}>{t('users.issued.username')}</Table.Th>
              <Table.Td>{user.username}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('users.issued.password')}</Table.Th>
              <Table.Td>
                <Code fz="lg" fw={700} data-testid="issued-password-value">
                  {password}
                </Code>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus data-testid="issued-password-done">
            {t('users.issued.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
