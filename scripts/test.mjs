// npm test (after setup and build): lint (scripts/lint.mjs), native ctest, the native tests again under AddressSanitizer +
// UndefinedBehaviorSanitizer, each libFuzzer target for a bounded time against its corpus, then
// Jest (Node + browser tests). Extra arguments go to Jest only (e.g.
// `npm test -- tests/browser/storage.test.js`). FT_FUZZ_SECONDS sets the time per fuzzer
// (default 30; 0 skips fuzzing). FT_ENGINES (default chromium,firefox,webkit) chooses the engines
// of the shared suite (tests/engines/); a selected engine that is not installed fails the run at
// once with one line saying what to install. After Jest: the engine limits, one line per engine,
// then "Jest: N passed, N failed" last.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, missingLine, selectedEngines } from '../tests/helpers/engines-select.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jestArgs = process.argv.slice(2);
const fuzzSeconds = Number(process.env.FT_FUZZ_SECONDS ?? 30);

/** @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function run(cmd, args, env = process.env) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
}

function fuzz() {
  const clang = { ...process.env, CXX: 'clang++' };
  run('cmake', ['-S', '.', '-B', 'build/fuzz', '-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DFT_FUZZ=ON', '-DFT_SANITIZE=ON'], clang);
  const targets = readdirSync(join(root, 'tests/fuzz')).filter((f) => f.endsWith('_fuzz.cpp')).map((f) => basename(f, '.cpp')).sort();
  run('cmake', ['--build', 'build/fuzz', '-j2', '--target', ...targets], clang);
  for (const target of targets) {
    const corpus = join(root, 'tests/fuzz/corpus', target);
    mkdirSync(corpus, { recursive: true });
    // New inputs go to a scratch folder (the committed corpus stays small); crashers are written
    // next to the corpus so they can be committed once fixed.
    const scratch = mkdtempSync(join(tmpdir(), `${target}-`));
    const started = Date.now();
    const result = spawnSync(join(root, 'build/fuzz', target), [
      `-max_total_time=${fuzzSeconds}`, '-print_final_stats=1', '-timeout=10', '-rss_limit_mb=2048',
      `-artifact_prefix=${corpus}/`, scratch, corpus,
    ], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
    try {
      const text = `${result.stdout || ''}${result.stderr || ''}`;
      const execs = /stat::number_of_executed_units:\s*(\d+)/.exec(text)?.[1] ?? '?';
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (result.status === 0) {
        console.log(`fuzz ${target}: ${execs} runs in ${seconds} s, no crash`);
      } else {
        process.stdout.write(text.split('\n').filter((l) => !/^#\d+\s+(NEW|REDUCE|pulse|INITED)|^\s*NEW_FUNC/.test(l)).join('\n'));
        console.log(`fuzz ${target}: CRASH after ${execs} runs (input saved under tests/fuzz/corpus/${target}/)`);
        throw Object.assign(new Error(`${target} crashed`), { status: result.status || 1 });
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

/** The engines this run includes: all selected ones, or those whose files the Jest arguments name. */
function enginesInRun() {
  const selected = selectedEngines();
  if (!jestArgs.length) return selected;
  return selected.filter((id) => jestArgs.some((a) => !a.startsWith('-') && ENGINES.find((e) => e.id === id)?.file.includes(a.replace(/^\.\//, ''))));
}

/**
 * The limits table, then one line per engine of the run (from Jest's results and the report
 * each engine file writes), then a line for each engine FT_ENGINES left out.
 * @param {any} results @param {string[]} engines
 */
async function engineSummary(results, engines) {
  const { LIMITS } = await import('../tests/engines/limits.js');
  const label = (/** @type {string} */ id) => ENGINES.find((e) => e.id === id)?.label;
  const limited = LIMITS.filter((l) => engines.includes(l.engine));
  if (limited.length) {
    console.log('Engine limits (tests/engines/limits.js), each covered with ftHost.mock instead:');
    for (const l of limited) console.log(`  ${label(l.engine)}, ${l.capability}: ${l.driver}. Covered: ${l.covered}.`);
  }
  for (const id of engines) {
    const info = /** @type {import('../tests/helpers/engines-select.js').EngineInfo} */ (ENGINES.find((e) => e.id === id));
    const file = results.testResults.find((/** @type {any} */ t) => t.name === join(root, info.file));
    if (!file) continue;
    const passed = file.assertionResults.filter((/** @type {any} */ a) => a.status === 'passed').length;
    // A file that could not start (e.g. a browser that does not launch) has no assertions: 1 failure.
    const failed = file.assertionResults.filter((/** @type {any} */ a) => a.status === 'failed').length || (passed ? 0 : 1);
    /** @type {{ version?: string, seconds?: number }} */
    let report = {};
    try { report = JSON.parse(readFileSync(join(root, 'build', 'engines', `${id}.json`), 'utf8')); } catch { /* the file did not finish */ }
    const limits = LIMITS.filter((l) => l.engine === id).map((l) => l.capability);
    const details = [
      [info.product, report.version].filter(Boolean).join(' ') + (report.seconds !== undefined ? `, ${report.seconds} s` : ''),
      limits.length ? `limits: ${limits.join(', ')} through ftHost.mock` : '',
    ].filter(Boolean).join('; ');
    console.log(`${info.label}: ${passed} passed, ${failed} failed (${details})`);
  }
  if (!jestArgs.length) {
    for (const e of ENGINES) if (!engines.includes(e.id)) console.log(`${e.label}: not run (FT_ENGINES=${process.env.FT_ENGINES})`);
  }
}

/**
 * Each failed test, a line each with the first line of its error, next to the closing lines: a
 * run whose output is cut keeps what failed and why.
 * @param {any} results
 */
function failureSummary(results) {
  for (const file of results.testResults) {
    const failed = file.assertionResults.filter((/** @type {any} */ a) => a.status === 'failed');
    const where = relative(root, file.name);
    if (!failed.length && file.status === 'failed') console.log(`Failed: ${where}: ${firstLine(file.message)}`);
    for (const a of failed) console.log(`Failed: ${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
}

/** @param {unknown} text */
function firstLine(text) {
  // eslint-disable-next-line no-control-regex
  const line = String(text || '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).find(Boolean) || '';
  return line.length > 240 ? `${line.slice(0, 240)}...` : line;
}

try {
  const engines = enginesInRun();
  const missing = engines.map((id) => missingLine(id)).filter(Boolean);
  if (missing.length) {
    for (const line of missing) console.error(line);
    throw Object.assign(new Error('missing browser'), { status: 1 });
  }
  if (!jestArgs.length) {
    console.log('\n== lint (ESLint, clang-format) ==');
    run(process.execPath, ['scripts/lint.mjs']);

    console.log('\n== native tests (ctest) ==');
    run('cmake', ['-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=RelWithDebInfo']);
    run('cmake', ['--build', 'build/native', '-j2']);
    run('ctest', ['--test-dir', 'build/native', '--output-on-failure']);

    console.log('\n== native tests under AddressSanitizer + UndefinedBehaviorSanitizer (build/asan) ==');
    run('cmake', ['-S', '.', '-B', 'build/asan', '-DCMAKE_BUILD_TYPE=Debug', '-DFT_SANITIZE=ON']);
    run('cmake', ['--build', 'build/asan', '-j2']);
    run('ctest', ['--test-dir', 'build/asan', '--output-on-failure'], { ...process.env, ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' });

    if (fuzzSeconds > 0) {
      console.log(`\n== fuzzing: each libFuzzer target ${fuzzSeconds} s against tests/fuzz/corpus (build/fuzz, clang, ASan + UBSan) ==`);
      fuzz();
    }
  }
  console.log('\n== Jest: Node, Chromium and engine tests ==');
  rmSync(join(root, 'build', 'engines'), { recursive: true, force: true });
  const resultsFile = join(root, 'build', 'jest-results.json');
  mkdirSync(dirname(resultsFile), { recursive: true });
  rmSync(resultsFile, { force: true });
  try {
    run(process.execPath, ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --experimental-vm-modules --no-warnings`.trim(),
    });
  } finally {
    // One closing line in the plain form CI reads: "Jest: N passed, N failed".
    /** @type {any} */
    let r = null;
    try { r = JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { /* Jest did not write results: its own output says why */ }
    if (r) {
      console.log('');
      await engineSummary(r, engines);
      failureSummary(r);
      console.log(`Jest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
    }
  }
} catch (error) {
  if (/** @type {any} */ (error).message?.startsWith('FT_ENGINES')) console.error(/** @type {any} */ (error).message);
  process.exitCode = /** @type {any} */ (error).status || 1;
}
