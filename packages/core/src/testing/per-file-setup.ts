import { clearCompileCache } from '@aeolus/risk-engine';
import { clearStoredDefinitions } from '../questionnaire/questionnaire.store.js';
import { clearScreeningContexts } from '../screening/screening-context.js';

/**
 * Vitest setup file, run before each test file. The suites run without per-file isolation (a worker
 * process imports the modules once and runs many files: about 1 s saved per file), so the caches that
 * assume one database per process are emptied here: each test file works on its own copy of the template,
 * and copies share ids (the same administration and rule-set version can hold different watch lists).
 */
clearCompileCache();
clearScreeningContexts();
clearStoredDefinitions();
