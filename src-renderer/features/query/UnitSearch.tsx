import { ActionIcon, Group, Paper, Text, TextInput, UnstyledButton, type TextInputProps } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import type { PickedUnit } from './format';

type Hit = CallOutput<'register.search'>[number];

/** Results follow the typing after this pause, so a fast typist sends one search, not five. */
const TYPING_PAUSE_MS = 150;

/**
 * A unit by room code, name, phone tail, plate or pinyin initials (register.search): results
 * appear as you type, ↑/↓ move, Enter picks, Esc closes the list. Once picked the field shows the
 * unit and a clear button.
 */
export function UnitSearch({
  value,
  onChange,
  testId,
  inputRef,
  ...props
}: { value: PickedUnit | null; onChange: (unit: PickedUnit | null) => void; testId: string; inputRef?: Ref<HTMLInputElement> } & Omit<
  TextInputProps,
  'value' | 'onChange'
>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    const query = text.trim();
    if (value || query === '') {
      setHits([]);
      return;
    }
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void call('register.search', { query, limit: 10 }).then((r) => {
        if (ticket !== asked.current) return;
        setHits(r.ok ? r.value : []);
        setActive(0);
        setOpen(true);
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  const pick = (hit: Hit) => {
    onChange({ unitId: hit.unitId, unitCode: hit.unitCode, communityName: hit.communityName, ownerName: hit.ownerName });
    setText('');
    setOpen(false);
  };

  if (value) {
    return (
      <TextInput
        {...props}
        ref={inputRef}
        readOnly
        value={`${value.unitCode} ${value.ownerName ?? ''}（${value.communityName}）`}
        data-testid={`${testId}-picked`}
        onKeyDown={(e) => {
          if (e.key === 'Backspace' || e.key === 'Delete') onChange(null);
        }}
        rightSection={
          <ActionIcon variant="subtle" color="gray" aria-label={t('query.unit.clear')} onClick={() => onChange(null)} data-testid={`${testId}-clear`}>
            <IconX size={16} />
          </ActionIcon>
        }
      />
    );
  }

  return (
    <div style={{ position: 'relative' }}>
      <TextInput
        {...props}
        ref={inputRef}
        value={text}
        placeholder={props.placeholder ?? t('query.unit.placeholder')}
        autoComplete="off"
        data-testid={testId}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length > 0 && setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
            setOpen(true);
          } else if (e.key === 'Enter' && open && hits[active]) {
            e.preventDefault();
            e.stopPropagation();
            pick(hits[active]);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && text.trim() !== '' && (
        <Paper withBorder shadow="md" p={4} pos="absolute" left={0} right={0} style={{ zIndex: 30, top: '100%' }} data-testid={`${testId}-results`}>
          {hits.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {t('query.unit.none')}
            </Text>
          )}
          {hits.map((hit, i) => (
            <UnstyledButton
              key={hit.unitId}
              display="block"
              w="100%"
              px="xs"
              py={6}
              bg={i === active ? 'teal.0' : undefined}
              style={{ borderRadius: 4 }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
              data-testid={`${testId}-hit`}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600}>
                  {hit.unitCode} {hit.ownerName ?? ''}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {hit.communityName} {hit.maskedPhone ?? ''}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </div>
  );
}
