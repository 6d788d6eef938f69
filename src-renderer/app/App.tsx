import { ApprovalHost } from '../features/auth/ApprovalHost';
import { LockOverlay } from '../features/auth/LockOverlay';
import { LoginPage } from '../features/auth/LoginPage';
import { PasswordChangePage } from '../features/auth/PasswordChangePage';
import { RecoveryCodePage } from '../features/setup/RecoveryCodePage';
import { SetupPage } from '../features/setup/SetupPage';
import { LoadingScreen, UnreachableScreen } from './BootScreens';
import { useSession } from './session';
import { Shell } from './Shell';

/**
 * bootstrap → first-run setup (→ recovery code) → login (→ password change) → the shell; one
 * screen per session phase. The lock overlay sits beside the shell, never in place of it, so the
 * page under it keeps what was typed; the approval dialog serves every phase's calls.
 */
export function App() {
  return (
    <>
      <PhaseScreen />
      <ApprovalHost />
    </>
  );
}

function PhaseScreen() {
  const { phase, reload, locked } = useSession();
  switch (phase.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'unreachable':
      return <UnreachableScreen message={phase.message} onRetry={() => void reload()} />;
    case 'setup':
      return <SetupPage bootstrap={phase.bootstrap} />;
    case 'recoveryCode':
      return <RecoveryCodePage bootstrap={phase.bootstrap} session={phase.session} recoveryCode={phase.recoveryCode} />;
    case 'login':
      return <LoginPage bootstrap={phase.bootstrap} />;
    case 'changePassword':
      return <PasswordChangePage bootstrap={phase.bootstrap} session={phase.session} />;
    case 'ready':
      return (
        <>
          <Shell />
          {locked && <LockOverlay session={phase.session} />}
        </>
      );
  }
}
