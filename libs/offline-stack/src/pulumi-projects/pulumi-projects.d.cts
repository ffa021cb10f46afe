// Types of pulumi-projects.cjs for the TypeScript side (the plan tool).
export declare const STACK_FILE: RegExp;
export declare class CommittedStackError extends Error {}
export interface PulumiProject {
  /** The Nx project name. */
  readonly name: string;
  /** Relative to the workspace root. */
  readonly root: string;
  readonly stack: string;
  /** Nx names of the projects whose stacks it reads (implicitDependencies). */
  readonly dependencies: readonly string[];
}
export declare function committedStack(projectDir: string, shownAs?: string): string;
export declare function pulumiProject(workspaceRoot: string, root: string): PulumiProject;
export declare function pulumiProjectsInDeployOrder(workspaceRoot: string): PulumiProject[];
export declare function deployOrder(projects: readonly PulumiProject[]): PulumiProject[];
export declare function dependentsOf(projects: readonly PulumiProject[]): Map<string, string[]>;
