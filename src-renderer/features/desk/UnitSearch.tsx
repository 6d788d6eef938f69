import { Badge, Group, Kbd, Loader, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch, type SearchHit } from './useUnitSearch';

/**
 * The search box at the top of the desk. The first hit is preselected, so "zs" + Enter opens it;
 * Enter pressed before the answer arrives opens the first hit as soon as it does.
 */
export function UnitSearch({ inputRef, onPick }: { inputRef: RefObject<HTMLInputElement | null>; onPick: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  const search = useUnitSearch();
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(true);
  const [pickWhenReady, setPickWhenReady] = useState(false);
  const { hits, pending, query } = search;

  const pick = (hit: SearchHit) => {
    setPickWhenReady(false);
    search.setQuery('');
    onPick(hit);
  };

  // A new answer starts at its first hit; an Enter that came early is honoured now.
  const [shownFor, setShownFor] = useState(search.answeredQuery);
  if (shownFor !== search.answeredQuery) {
    setShownFor(search.answeredQuery);
    setActive(0);
  }
  useEffect(() => {
    if (pickWhenReady && !pending && hits[0]) pick(hits[0]);
    else if (pickWhenReady && !pending) setPickWhenReady(false);
  }, [pickWhenReady, pending, hits]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const hit = hits[Math.min(active, hits.length - 1)];
      if (hit && !pending) pick(hit);
      else if (query.trim() !== '') setPickWhenReady(true);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      event.stopPropagation();
      search.setQuery('');
    }
  };

  const open = focused && query.trim() !== '';
  return (
    <div style={{ position: 'relative' }}>
      <TextInput
        ref={inputRef}
        autoFocus
        aria-label={t('desk.search.label')}
        placeholder={t('desk.search.placeholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={pending ? <Loader size={16} /> : <Kbd size="xs">F2</Kbd>}
        rightSectionWidth={44}
        value={query}
        onChange={(e) => search.setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={open}
        aria-controls="desk-search-results"
        data-testid="desk-search"
      />
      {open && (
        <Paper
          withBorder
          shadow="md"
          p={4}
          id="desk-search-results"
          role="listbox"
          data-testid="desk-search-results"
          style={{ position: 'absolute', left: 0, right: 0, top: 'calc(100% + 4px)', zIndex: 30 }}
        >
          {hits.length > 0 ? (
            <Stack gap={2}>
              {hits.map((hit, index) => (
                <HitRow key={`${hit.unitId}-${hit.matchedBy}-${hit.matchedText}`} hit={hit} active={index === active} onPick={() => pick(hit)} />
              ))}
              <Text size="xs" c="dimmed" px="xs" pt={2}>
                {t('desk.search.hint')}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c={pending ? 'dimmed' : 'orange.8'} p="sm" data-testid={pending ? undefined : 'desk-search-empty'}>
              {pending ? t('desk.search.searching') : (search.error ?? t('desk.search.noResults', { query: query.trim() }))}
            </Text>
          )}
        </Paper>
      )}
    </div>
  );
}

function HitRow({ hit, active, onPick }: { hit: SearchHit; active: boolean; onPick: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      role="option"
      aria-selected={active}
      tabIndex={-1}
      // Keeps the focus in the search box, so the click is not lost to its blur.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
      px="sm"
      py={6}
      bg={active ? 'teal.0' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)', outline: active ? '1px solid var(--mantine-color-teal-4)' : undefined }}
      data-testid="desk-search-result"
    >
      <Group gap="md" wrap="nowrap">
        <Text fw={700} w={96} ff="monospace">
          {hit.unitCode}
        </Text>
        <Text size="sm" c="dimmed" w={80} truncate="end">
          {hit.communityName}
        </Text>
        <Text w={90} truncate="end">
          {hit.ownerName ?? '—'}
        </Text>
        <Text size="sm" ff="monospace" w={110} c="dimmed">
          {hit.maskedPhone ?? ''}
        </Text>
        <Group gap={6} wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <Badge variant="light" color={hit.matchedBy === 'initials' ? 'grape' : 'gray'} size="sm">
            {t(`desk.search.matchedBy.${hit.matchedBy}`)}
          </Badge>
          <Text size="sm" truncate="end">
            {hit.matchedText}
          </Text>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
