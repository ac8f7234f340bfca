// Object-store faults per simulated cloud: an outage (the S3 endpoint answers 503 SlowDown/ServiceUnavailable)
// and a bandwidth cap (slow copies), set through the admin API or CLI like the clusters' faults.
export interface StoreFaultState {
  outages: string[];
  bytesPerSecond: Record<string, number>;
}

export class StoreFaults {
  private readonly outages = new Set<string>();
  private readonly caps = new Map<string, number>();

  setOutage(cloudId: string, on: boolean): void {
    if (on) this.outages.add(cloudId);
    else this.outages.delete(cloudId);
  }

  /** 0 clears the cap. */
  setBandwidth(cloudId: string, bytesPerSecond: number): void {
    if (!(bytesPerSecond >= 0)) throw new RangeError(`bytesPerSecond must be ≥ 0 (got ${bytesPerSecond})`);
    if (bytesPerSecond === 0) this.caps.delete(cloudId);
    else this.caps.set(cloudId, bytesPerSecond);
  }

  isDown(cloudId: string): boolean {
    return this.outages.has(cloudId);
  }

  bandwidth(cloudId: string): number | undefined {
    return this.caps.get(cloudId);
  }

  state(): StoreFaultState {
    return { outages: [...this.outages].sort(), bytesPerSecond: Object.fromEntries(this.caps) };
  }

  clear(): void {
    this.outages.clear();
    this.caps.clear();
  }
}

/** Yields the chunks of `source` no faster than bytesPerSecond() allows (read on every chunk, so a cap set mid-copy applies). */
export async function* throttle(
  source: AsyncIterable<Uint8Array>,
  bytesPerSecond: () => number | undefined,
): AsyncGenerator<Uint8Array> {
  const started = performance.now();
  let sent = 0;
  for await (const chunk of source) {
    const cap = bytesPerSecond();
    // Slice big chunks so a low cap still moves bytes steadily rather than in one late burst.
    const step = cap ? Math.max(1024, Math.floor(cap / 10)) : chunk.length;
    for (let off = 0; off < chunk.length; off += step) {
      const piece = chunk.subarray(off, Math.min(chunk.length, off + step));
      sent += piece.length;
      const rate = bytesPerSecond();
      if (rate) {
        const due = started + (sent / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      yield piece;
    }
  }
}
