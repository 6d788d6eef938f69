import { startShell } from './lifecycle';

void startShell();
