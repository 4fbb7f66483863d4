import { defineConfig } from 'vitest/config';

// Many suites spawn the built CLI (about 1 s each to load the lexicon), concurrently; on a 2-core
// machine a spawn can wait several seconds for a core, so vitest's default 5 s is too tight.
export default defineConfig({
  test: { testTimeout: 30_000 },
});
