import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';

export type SearchHit = CallOutput<'register.search'>[number];

/** Long enough to skip the calls between keystrokes of a fast typist, short enough to feel instant. */
const DEBOUNCE_MS = 120;

export interface UnitSearch {
  query: string;
  setQuery: (query: string) => void;
  /** Hits of `answeredQuery`; older answers never overwrite newer ones. */
  hits: SearchHit[];
  answeredQuery: string;
  /** True while the box holds text whose answer has not arrived yet. */
  pending: boolean;
  error: string | null;
}

/** register.search as you type: room code prefix, name, phone tail, plate or pinyin initials. */
export function useUnitSearch(): UnitSearch {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [answeredQuery, setAnsweredQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef('');

  const trimmed = query.trim();
  useEffect(() => {
    latest.current = trimmed;
    if (trimmed === '') return;
    const timer = setTimeout(() => {
      void call('register.search', { query: trimmed, limit: 12 }).then((result) => {
        if (latest.current !== trimmed) return;
        setAnsweredQuery(trimmed);
        setHits(result.ok ? result.value : []);
        setError(result.ok ? null : result.error.message);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);

  const current = trimmed !== '' && answeredQuery === trimmed;
  return {
    query,
    setQuery,
    hits: current ? hits : [],
    answeredQuery,
    pending: trimmed !== '' && !current,
    error: current ? error : null,
  };
}
