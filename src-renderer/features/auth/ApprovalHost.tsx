import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../src-shared/api';
import { setApprovalRequester } from '../../app/api';
import type { ApprovalAsk } from '../../app/callRecovery';
import { ApprovalDialog } from './ApprovalDialog';

interface Pending {
  id: number;
  ask: ApprovalAsk;
  settle(result: Result<unknown> | null): void;
}

/**
 * Answers every NEEDS_APPROVAL for the whole app: the asks queue up and the dialog takes them one
 * at a time, each settled with the approved call's answer or null when cancelled.
 */
export function ApprovalHost() {
  const [queue, setQueue] = useState<Pending[]>([]);
  const nextId = useRef(0);

  useEffect(() => {
    setApprovalRequester(
      (ask) =>
        new Promise((settle) => {
          nextId.current += 1;
          const pending: Pending = { id: nextId.current, ask, settle };
          setQueue((q) => [...q, pending]);
        }),
    );
    return () => setApprovalRequester(null);
  }, []);

  const current = queue[0];
  if (!current) return null;
  return (
    <ApprovalDialog
      key={current.id}
      ask={current.ask}
      onDone={(result) => {
        current.settle(result);
        setQueue((q) => q.filter((p) => p.id !== current.id));
      }}
    />
  );
}
