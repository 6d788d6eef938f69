import { useEffect, useRef, useState } from 'react';
import { call } from '../../app/api';
import type { Posted } from './useCollectForm';

export interface WaiverOutcome {
  approvedFen: number;
  pendingFen: number;
}

/**
 * A late-fee waiver above the approval limit is recorded with the payment as "requested". Right
 * after posting, the desk asks for the supervisor's approval of exactly those waivers: the call
 * needs waiver.approve, so the central approval dialog opens for the supervisor on the spot; if
 * it is cancelled, the waiver simply stays pending for later.
 */
export function useWaiverFollowUp(posted: Posted, unitId: number): WaiverOutcome | null {
  const [outcome, setOutcome] = useState<WaiverOutcome | null>(null);
  // Asked once per payment, even when React runs the effect twice.
  const asked = useRef<Posted | null>(null);
  useEffect(() => {
    if (!posted.waived || asked.current === posted) return;
    asked.current = posted;
    void (async () => {
      const account = await call('collection.account', { unitId });
      if (!account.ok) return;
      const paid = new Set(posted.lineIds);
      const lateFeeLines = new Set(
        account.value.groups.flatMap((g) => g.lines).filter((l) => l.kind === 'late_fee' && l.parentLineId !== null && paid.has(l.parentLineId)).map((l) => l.lineId),
      );
      const waiting = account.value.pendingWaivers.filter((w) => lateFeeLines.has(w.lineId));
      let approvedFen = 0;
      let pendingFen = 0;
      for (const waiver of waiting) {
        const decided = await call('collection.approveWaiver', { waiverId: waiver.waiverId, approve: true });
        if (decided.ok && decided.value.status === 'live') approvedFen += waiver.amountFen;
        else pendingFen += waiver.amountFen;
      }
      if (waiting.length > 0) setOutcome({ approvedFen, pendingFen });
    })();
  }, [posted, unitId]);
  return outcome;
}
