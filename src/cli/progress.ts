/**
 * The progress bar of `mizan batch` on a terminal: one line on stderr, redrawn in place at most
 * ten times a second, with pairs done, share, time left (from the pace so far) and the last pair.
 * In a pipe or a log (stderr not a TTY) it draws nothing, so logs hold only the summary.
 */
export interface Progress {
  update(done: number, label: string): void;
  clear(): void;
}

const quiet: Progress = { update() {}, clear() {} };

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return quiet;
  const started = performance.now();
  let last = 0;
  return {
    update(done, label) {
      const now = performance.now();
      if (done < total && now - last < 100) return;
      last = now;
      const columns = stream.columns || 80; // 0 on a pseudo-terminal that was never sized
      const width = Math.max(10, Math.min(40, columns - 50));
      const filled = Math.round((width * done) / total);
      const elapsed = (now - started) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : Infinity;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.floor((100 * done) / total)}% ${clock(left)} left ${label}`;
      stream.write(`\r\u001b[K${line.slice(0, columns - 1)}`);
    },
    clear() {
      stream.write('\r\u001b[K');
    },
  };
}
