import { spawn, execFile } from 'child_process';

export function clip(src, dst) {
  return spawn('ffmpeg', ['-i', src, '-t', '10', dst]);
}

export function shot(url) {
  return execFile('chromium', ['--headless', '--screenshot', url]);
}
