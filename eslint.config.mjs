import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworkImports = {
  patterns: [
    { group: ['@nestjs/*', 'class-validator', 'class-transformer', 'rxjs', 'rxjs/*', 'better-sqlite3', '@kurrent/*', '@eventstore/*', 'fastify', 'pino', 'crypto', 'node:crypto', 'fs', 'node:fs'], message: 'Domain code is pure: no framework, validation, rxjs or database imports (STYLE.md rule 1).' },
    { group: ['**/application/**', '**/read-models/**', '**/infrastructure/**'], message: 'Domain code must not depend on outer layers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|describe|test)$/]", message: 'No focused or skipped tests.' }],
    },
  },
  {
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', frameworkImports],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code never reads the clock: take time from the command (STYLE.md rule 2).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code never reads the clock: take time from the command (STYLE.md rule 2).' },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'Generated ids arrive on the command (STYLE.md rule 2).' },
      ],
    },
  },
);
