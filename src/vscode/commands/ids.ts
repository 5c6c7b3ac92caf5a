/** Every command id in one place. `contributes.commands` in package.json must list the public ones. */
export const CommandId = {
  scanWorkspace: 'leakproof.scanWorkspace',
  clearWorkspaceFindings: 'leakproof.clearWorkspaceFindings',
  showOutput: 'leakproof.showOutput',
} as const;

export type CommandIdValue = (typeof CommandId)[keyof typeof CommandId];
