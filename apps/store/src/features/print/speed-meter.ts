/**
 * Upload speed over the last few seconds of progress reports, so the figure follows the line's
 * speed now rather than the average since the start.
 */
export function createSpeedMeter(windowMs = 3000) {
  let samples: { at: number; bytes: number }[] = [];
  return {
    /** Records `bytes` sent in total at time `at` (ms) and answers the speed in bytes/s. */
    record(at: number, bytes: number): number {
      // A resumed upload starts again from a lower count than the last report.
      if (samples.length > 0 && bytes < samples[samples.length - 1]!.bytes) samples = [];
      samples.push({ at, bytes });
      while (samples.length > 2 && at - samples[0]!.at > windowMs) samples.shift();
      const first = samples[0]!;
      const elapsed = at - first.at;
      return elapsed > 0 ? ((bytes - first.bytes) / elapsed) * 1000 : 0;
    },
    reset() {
      samples = [];
    },
  };
}
