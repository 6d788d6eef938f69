import { PasswordInput } from '@mantine/core';
import { useState } from 'react';

/** A new password typed twice: the two values and whether the last check found them different. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirmValue] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    confirm,
    mismatch,
    setPassword,
    setConfirm(value: string) {
      setConfirmValue(value);
      setMismatch(false);
    },
    /** True when both match; otherwise marks the confirmation field. The policy is the ledger's. */
    check(): boolean {
      const same = password === confirm;
      setMismatch(!same);
      return same;
    },
  };
}

/**
 * The new-password and confirmation fields of setup, password change and recovery, so all three
 * behave alike (browser password managers, length limit, the mismatch message on the second field).
 */
export function NewPasswordFields({
  state,
  labels,
  testIds,
  describedBy,
}: {
  state: ReturnType<typeof useNewPassword>;
  labels: { password: string; confirm: string; mismatch: string; description?: string };
  testIds: { password: string; confirm: string };
  describedBy?: string;
}) {
  return (
    <>
      <PasswordInput
        label={labels.password}
        description={labels.description}
        value={state.password}
        onChange={(e) => state.setPassword(e.currentTarget.value)}
        autoComplete="new-password"
        maxLength={128}
        required
        aria-describedby={describedBy}
        data-testid={testIds.password}
      />
      <PasswordInput
        label={labels.confirm}
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.currentTarget.value)}
        autoComplete="new-password"
        maxLength={128}
        required
        error={state.mismatch ? labels.mismatch : undefined}
        data-testid={testIds.confirm}
      />
    </>
  );
}
