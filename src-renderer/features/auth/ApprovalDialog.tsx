import { Button, Group, Modal, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../src-shared/api';
import type { ApprovalAsk } from '../../app/callRecovery';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Above the page's own dialogs (200), under the lock overlay (400). */
const Z_INDEX = 300;

/**
 * 需要收费主管授权: a supervisor types their credentials at the cashier's desk for this one call.
 * A refused approval (wrong password, no permission, locked approver) stays in the dialog so they
 * can try again; any other answer — success or a business refusal — goes back to the screen.
 */
export function ApprovalDialog({ ask, onDone }: { ask: ApprovalAsk; onDone: (result: Result<unknown> | null) => void }) {
  const { t } = useTranslation();
  const { phase } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const actions = t('auth.approvalActions', { returnObjects: true }) as Record<string, string>;
  const action = actions[ask.call] ?? t('auth.approval.unknownAction');
  const operator = 'session' in phase ? `${phase.session.user.displayName}（${phase.session.user.username}）` : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t('auth.approval.missing'));
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await ask.submit({ username: username.trim(), password });
    setBusy(false);
    if (!result.ok && result.error.code === 'APPROVAL_REFUSED') {
      setError(result.error.message);
      setPassword('');
      passwordRef.current?.focus();
      return;
    }
    onDone(result);
  }

  const cancel = () => {
    if (!busy) onDone(null);
  };

  return (
    <Modal
      opened
      onClose={cancel}
      zIndex={Z_INDEX}
      closeOnClickOutside={false}
      title={
        <Group gap="xs" wrap="nowrap">
          <IconShieldCheck size={20} aria-hidden color="var(--mantine-color-orange-7)" />
          <Text fw={600} size="lg">
            {t('auth.approval.title')}
          </Text>
        </Group>
      }
      data-testid="approval-dialog"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={96}>{t('auth.approval.action')}</Table.Th>
                <Table.Td fw={600} data-testid="approval-action">
                  {action}
                </Table.Td>
              </Table.Tr>
              {operator && (
                <Table.Tr>
                  <Table.Th>{t('auth.approval.requestedBy')}</Table.Th>
                  <Table.Td>{operator}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            {t('auth.approval.hint')}
          </Text>
          <TextInput
            ref={usernameRef}
            label={t('auth.approval.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="off"
            maxLength={32}
            data-autofocus
            data-testid="approval-username"
          />
          <PasswordInput
            ref={passwordRef}
            label={t('auth.approval.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="off"
            maxLength={128}
            data-testid="approval-password"
          />
          <ErrorAlert message={error} testId="approval-error" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel} disabled={busy} data-testid="approval-cancel">
              {t('auth.approval.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="approval-submit">
              {t('auth.approval.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
