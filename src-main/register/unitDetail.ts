import type { AppContext } from '../app/context';
import { metersOfUnit } from './meters';
import { currentPayer, occupantHistory, occupantsOn } from './occupants';
import { parkingOfUnit } from './parking';
import { unitView } from './units';

/** Everything the desk shows about one unit: who lives there and pays today, the history, parking and meters. */
export function unitDetail(app: AppContext, unitId: number) {
  const today = app.clock.today();
  const unit = unitView(app, unitId);
  return {
    ...unit,
    occupants: occupantsOn(app, unitId, today),
    history: occupantHistory(app, unitId),
    payer: currentPayer(app, unitId, today),
    parking: parkingOfUnit(app, unitId),
    meters: metersOfUnit(app, unitId),
  };
}
