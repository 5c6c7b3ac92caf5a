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
  deleteSecret: 'leakproof.deleteSecret',
  exportToEnv: 'leakproof.exportToEnv',
  importFromEnv: 'leakproof.importFromEnv',
  // Sidebar (Secrets and Tokens views)
  sidebarRefresh: 'leakproof.sidebar.refresh',
  secretReveal: 'leakproof.secret.reveal',
  secretCopy: 'leakproof.secret.copy',
  secretRotate: 'leakproof.secret.rotate',
  secretRollback: 'leakproof.secret.rollback',
  secretSetPolicy: 'leakproof.secret.setPolicy',
  decodeJwt: 'leakproof.decodeJwt',
  verifyJwt: 'leakproof.verifyJwt',
  tokenCopyClaim: 'leakproof.token.copyClaim',
  tokenRemove: 'leakproof.token.remove',
  showAuditLog: 'leakproof.showAuditLog',
  /** Internal, not contributed: plain data for the integration tests. */
  testSidebarState: 'leakproof.test.sidebarState',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
