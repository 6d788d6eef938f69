import { SetupPage } from '../features/setup/SetupPage';
import { LoginPage } from '../features/auth/LoginPage';
import { LoadingScreen, UnreachableScreen } from './BootScreens';
import { useSession } from './session';
import { Shell } from './Shell';

/** bootstrap → first-run setup → login → the shell; one screen per session phase. */
export function App() {
  const { phase, reload } = useSession();
  switch (phase.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'unreachable':
      return <UnreachableScreen message={phase.message} onRetry={() => void reload()} />;
    case 'setup':
      return <SetupPage bootstrap={phase.bootstrap} />;
    case 'login':
      return <LoginPage bootstrap={phase.bootstrap} />;
    case 'ready':
      return <Shell />;
  }
}
