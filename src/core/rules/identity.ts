import type { Rule } from '../types';

export const rules: readonly Rule[] = [];
