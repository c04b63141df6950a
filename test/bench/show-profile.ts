// Development helper: node dist/test/bench/show-profile.js <file.cpuprofile> [n] — self and inclusive time.
import { inclusiveTimes, selfTimes } from './lib/cpu-profile';

const [file, n = '30'] = process.argv.slice(2);
const { totalMs, top, byArea } = selfTimes(file!);
console.log(`${Math.round(totalMs)} ms sampled; self time by area:`);
for (const [area, ms] of Object.entries(byArea).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${area}`);
console.log('self:');
for (const t of top.slice(0, Number(n))) console.log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
console.log('inclusive:');
for (const t of inclusiveTimes(file!).slice(0, Number(n) * 2)) console.log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
