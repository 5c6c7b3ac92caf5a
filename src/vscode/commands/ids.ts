/** Every command id in one place. `contributes.commands` in package.json must list the public ones. */
export const CommandId = {
  scanWorkspace: 'leakproof.scanWorkspace',
  clearWorkspaceFindings: 'leakproof.clearWorkspaceFindings',
  showOutput: 'leakproof.showOutput',
  moveToEnv: 'leakproof.moveToEnv',
  moveToKeychain: 'leakproof.moveToKeychain',
  moveAllToEnv: 'leakproof.moveAllToEnv',
  ignoreValue: 'leakproof.ignoreValue',
  markTestFixture: 'leakproof.markTestFixture',
  listSecrets: 'leakproof.listSecrets',
  revealSecret: 'leakproof.revealSecret',
  copySecret: 'leakproof.copySecret',
  deleteSecret: 'leakproof.deleteSecret',
  exportToEnv: 'leakproof.exportToEnv',
  importFromEnv: 'leakproof.importFromEnv',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
