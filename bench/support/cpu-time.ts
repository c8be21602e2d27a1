/**
 * CPU time of this process (user and system, all its threads) per event since `start`, in
 * microseconds: steadier than a rate on a shared machine, so the figure to compare builds by.
 */
export function cpuMicrosPerEvent(start: NodeJS.CpuUsage, events: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / events;
}
