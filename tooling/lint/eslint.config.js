import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import { layers } from './layers.js'

/** One flat config for the whole monorepo: TypeScript everywhere, Vue in the shell and plugin UIs. */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', 'data/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Vue's error-prevention rules; formatting is prettier's job.
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'formulas are parsed, never evaluated as code' },
        { selector: "NewExpression[callee.name='Function']", message: 'formulas are parsed, never evaluated as code' },
      ],
      'vue/multi-word-component-names': 'off',
      // TypeScript already knows which globals exist (browser in Vue files, Node elsewhere).
      'no-undef': 'off',
    },
  },
  layers,
)
