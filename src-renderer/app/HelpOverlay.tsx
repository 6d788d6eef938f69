import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageId } from './navigation';

type HelpKeys = Record<string, string>;

/**
 * The keyboard help: ? (outside a text field) or F1 (anywhere) opens it. It lists the keys that
 * work everywhere and, first, the ones of the page on screen; each page declares its keys in its
 * own i18n `help` object, so the overlay never drifts from the page.
 */
export function HelpOverlay({ page, pages }: { page: PageId; pages: readonly PageId[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useHotkeys([['shift+slash', () => setOpen(true)]]);
  useHotkeys([['F1', () => setOpen(true)]], []);

  const sections: Array<{ title: string; keys: HelpKeys }> = [];
  const pageKeys = (id: PageId): HelpKeys | null => {
    if (!(['desk', 'query', 'arrears', 'manual', 'dayClose', 'users'] as const).includes(id as never)) return null;
    const keys = t(`${id as 'desk'}.help`, { returnObjects: true }) as HelpKeys;
    return Object.keys(keys).length > 0 ? keys : null;
  };
  for (const id of [page, ...pages.filter((p) => p !== page)]) {
    const keys = pageKeys(id);
    if (keys) sections.push({ title: t(`nav.${id}`), keys });
  }
  sections.push({ title: t('help.global'), keys: t('help.keys', { returnObjects: true }) as HelpKeys });

  return (
    <Modal opened={open} onClose={() => setOpen(false)} title={<Title order={2} size="h4">{t('help.title')}</Title>} size="lg" data-testid="help-overlay">
      <Stack gap="md">
        {sections.map((section) => (
          <Stack key={section.title} gap={4}>
            <Text fw={600}>{section.title}</Text>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {Object.entries(section.keys).map(([keys, action]) => (
                  <Table.Tr key={keys}>
                    <Table.Td w={180}>
                      <Group gap={4} wrap="nowrap">
                        {keys.split(' / ').map((k) => (
                          <Kbd key={k} size="sm">
                            {k}
                          </Kbd>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{action}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
