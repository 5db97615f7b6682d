// The time-driven trigger's handler: runs whichever of this user's imports are due.
// PLACEHOLDER until the scheduling work lands.
export function runScheduledDispatch(_e?: GoogleAppsScript.Events.TimeDriven): void {
  // Nothing is scheduled yet.
}
