/**
 * CPU time (this process: main thread and workers) and heap in use per phase of a benchmarked
 * run: the machine is shared, so wall time says little about one phase.
 */
export class PhaseClock {
  private readonly spent = new Map<string, { cpu: number; heap: number }>();
  private cpu = process.cpuUsage();

  constructor(private phase: string) {}

  /** The current phase ends, `next` begins. */
  enter(next: string): void {
    const used = process.cpuUsage(this.cpu);
    this.cpu = process.cpuUsage();
    const was = this.spent.get(this.phase)?.cpu ?? 0;
    this.spent.set(this.phase, { cpu: was + (used.user + used.system) / 1e6, heap: process.memoryUsage().heapUsed / 2 ** 20 });
    this.phase = next;
  }

  /** `phase X s (H MB) · ...` in the order the phases came. */
  summary(): string {
    return [...this.spent].map(([p, { cpu, heap }]) => `${p} ${cpu.toFixed(1)} (${heap.toFixed(0)})`).join(' · ');
  }
}
